// Draws the report's charts with Apache ECharts from the data the page embeds
// (<script id="lowcarb-data">), then writes into each figure how many points and how many error
// bars (or band points) it holds, so that a test can tell a drawn chart from an empty one.
// Uncertainty is drawn with custom series: a band (a polygon between consecutive [x, low, high])
// around lines, error bars on separate points.
(function () {
  'use strict';
  var GREEN = '#2e7d32';

  // A shaded band between low and high along [x, low, high] points, on the given y axis.
  function band(name, points, yAxisIndex, colour) {
    return { name: name, type: 'custom', yAxisIndex: yAxisIndex, data: points, silent: true, z: 1,
      encode: { x: 0, y: [1, 2] }, tooltip: { show: false },
      renderItem: function (params, api) {
        var i = params.dataIndex;
        if (i + 1 >= points.length) {
          return null;
        }
        var a = points[i];
        var b = points[i + 1];
        return { type: 'polygon', shape: { points: [api.coord([a[0], a[2]]), api.coord([b[0], b[2]]),
          api.coord([b[0], b[1]]), api.coord([a[0], a[1]])] }, style: { fill: colour, opacity: 0.18 } };
      } };
  }

  // Error bars with caps: vertical over [x, low, high], or horizontal along x for [y, low, high].
  function errorBars(name, points, yAxisIndex, colour, horizontal) {
    return { name: name, type: 'custom', yAxisIndex: yAxisIndex, data: points, z: 4,
      encode: horizontal ? { x: [1, 2], y: 0 } : { x: 0, y: [1, 2] }, tooltip: { show: false },
      renderItem: function (params, api) {
        var lo = horizontal ? api.coord([api.value(1), api.value(0)]) : api.coord([api.value(0), api.value(1)]);
        var hi = horizontal ? api.coord([api.value(2), api.value(0)]) : api.coord([api.value(0), api.value(2)]);
        var cap = 4;
        var style = { stroke: colour, lineWidth: 1.5 };
        function segment(x1, y1, x2, y2) {
          return { type: 'line', shape: { x1: x1, y1: y1, x2: x2, y2: y2 }, style: style };
        }
        return { type: 'group', children: horizontal
          ? [segment(lo[0], lo[1], hi[0], hi[1]), segment(lo[0], lo[1] - cap, lo[0], lo[1] + cap),
            segment(hi[0], hi[1] - cap, hi[0], hi[1] + cap)]
          : [segment(lo[0], lo[1], hi[0], hi[1]), segment(lo[0] - cap, lo[1], lo[0] + cap, lo[1]),
            segment(hi[0] - cap, hi[1], hi[0] + cap, hi[1])] };
      } };
  }

  function base(extra) {
    var o = {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 70, right: 70, top: 45, bottom: 55 }
    };
    Object.keys(extra).forEach(function (k) { o[k] = extra[k]; });
    return o;
  }

  function axis(type, name, extra) {
    var a = { type: type, name: name, nameLocation: 'middle', nameGap: type === 'time' ? 30 : 45, scale: true };
    Object.keys(extra || {}).forEach(function (k) { a[k] = extra[k]; });
    return a;
  }

  // One line on each axis per run, sharing the run's colour and legend entry: solid left, dashed right;
  // with its uncertainty as a band (side.errors 'band') or error bars ('bars') in the same colour.
  var PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#c62828', '#00838f', '#5d4037', '#ad1457'];
  function twoAxes(d, x, left, right) {
    var series = [];
    function line(r, side, axisIndex, colour) {
      var points = r[side.key];
      if (points.length) {
        series.push({ name: r.name, type: 'line', showSymbol: points.length < 30, yAxisIndex: axisIndex, data: points,
          itemStyle: { color: colour }, lineStyle: { color: colour, type: axisIndex ? 'dashed' : 'solid' },
          tooltip: { valueFormatter: function (v) { return Number(v).toPrecision(3) + side.unit; } } });
      }
      var errors = r[side.key + '_errors'] || [];
      if (errors.length) {
        series.push(side.errors === 'bars' ? errorBars(r.name, errors, axisIndex, colour, false)
          : band(r.name, errors, axisIndex, colour));
      }
    }
    d.runs.forEach(function (r, i) {
      var colour = PALETTE[i % PALETTE.length];
      line(r, left, 0, colour);
      line(r, right, 1, colour);
    });
    return base({
      xAxis: axis('value', x, { nameGap: 30 }),
      yAxis: [axis('value', left.name, { scale: !!left.scale }), axis('value', right.name, { scale: false })],
      series: series
    });
  }

  var draw = {
    power: function (d) {
      return base({
        xAxis: axis('value', 'seconds since start', { nameGap: 30 }),
        yAxis: axis('value', 'power (W)', { scale: false }),
        series: d.series.reduce(function (all, s, i) {
          var colour = PALETTE[i % PALETTE.length];
          all.push({ name: s.name, type: 'line', showSymbol: false, sampling: 'lttb', data: s.points,
            itemStyle: { color: colour }, lineStyle: { color: colour } });
          if (s.errors.length) {
            all.push(band(s.name, s.errors, 0, colour));
          }
          return all;
        }, [])
      });
    },
    cumulative: function (d) {
      return twoAxes(d, 'seconds since start', { key: 'energy', unit: ' kWh', name: 'energy (kWh), solid', errors: 'band' },
        { key: 'emissions', unit: ' gCO2e', name: 'CO2e (g), dashed', errors: 'band' });
    },
    epochs: function (d) {
      return twoAxes(d, 'epoch', { key: 'accuracy', unit: '', name: 'accuracy, solid', scale: true },
        { key: 'energy', unit: ' Wh', name: 'energy per epoch (Wh), dashed', errors: 'bars' });
    },
    tradeoff: function (d) {
      function points(onFront) {
        return d.points.filter(function (p) { return p.front === onFront; }).map(function (p) {
          return { value: [p.grams, p.accuracy], name: p.name + ' (' + p.id + ', ' + p.kind + ')' };
        });
      }
      return base({
        tooltip: { trigger: 'item', formatter: function (p) {
          // Run names come from the store: encoded, as the tooltip is HTML.
          return p.seriesType !== 'scatter' ? '' : echarts.format.encodeHTML(p.name) + '<br>' + p.value[0].toPrecision(3)
            + ' gCO2e, accuracy ' + p.value[1].toFixed(4);
        } },
        xAxis: axis('value', 'CO2e (g)', { nameGap: 30 }),
        yAxis: axis('value', 'accuracy'),
        series: [
          { name: 'Pareto front', type: 'line', data: d.front, symbol: 'none', z: 1,
            lineStyle: { color: GREEN, width: 2 }, itemStyle: { color: GREEN } },
          { name: 'on the front', type: 'scatter', symbolSize: 13, data: points(true), z: 3, itemStyle: { color: GREEN } },
          { name: 'dominated', type: 'scatter', symbolSize: 10, data: points(false), z: 2, itemStyle: { color: '#9e9e9e' } },
          errorBars('± uncertainty', d.errors, 0, '#455a64', true)
        ]
      });
    },
    intensity: function (d) {
      var line = { name: 'gCO2e/kWh', type: 'line', step: 'start', showSymbol: false, sampling: 'lttb', data: d.points,
        lineStyle: { color: '#6d4c41' }, itemStyle: { color: '#6d4c41' } };
      if (d.window) {
        line.markArea = { silent: true, itemStyle: { color: 'rgba(46, 125, 50, 0.22)' },
          data: [[{ name: 'planned window', xAxis: d.window[0] }, { xAxis: d.window[1] }]] };
      }
      return base({
        xAxis: axis('time', 'time (UTC)'),
        yAxis: axis('value', 'carbon intensity (gCO2e/kWh)', { scale: false }),
        series: [line]
      });
    }
  };

  var charts = [];
  var spec = JSON.parse(document.getElementById('lowcarb-data').textContent);
  spec.forEach(function (c) {
    var figure = document.getElementById(c.id);
    var chart = echarts.init(figure.querySelector('.plot'), null, { renderer: 'svg' });
    chart.setOption(draw[c.type](c.data));
    var held = 0;
    var errors = 0;
    chart.getOption().series.forEach(function (s) {
      var n = s.data ? s.data.length : 0;
      if (s.type === 'custom') {
        errors += n;
      } else {
        held += n;
      }
    });
    figure.setAttribute('data-points', String(held));
    figure.setAttribute('data-error-bars', String(errors));
    charts.push(chart);
  });
  document.body.setAttribute('data-charts', String(charts.length));
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
