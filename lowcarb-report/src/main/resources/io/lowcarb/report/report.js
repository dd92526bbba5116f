// Draws the report's charts with Apache ECharts from the data the page embeds
// (<script id="lowcarb-data">), then writes into each figure how many points it holds, so that
// a test can tell a drawn chart from an empty one.
(function () {
  'use strict';
  var GREEN = '#2e7d32';

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

  // One line on each axis per run, sharing the run's colour and legend entry: solid left, dashed right.
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
        series: d.series.map(function (s) {
          return { name: s.name, type: 'line', showSymbol: false, sampling: 'lttb', data: s.points };
        })
      });
    },
    cumulative: function (d) {
      return twoAxes(d, 'seconds since start', { key: 'energy', unit: ' kWh', name: 'energy (kWh), solid' },
        { key: 'emissions', unit: ' gCO2e', name: 'CO2e (g), dashed' });
    },
    epochs: function (d) {
      return twoAxes(d, 'epoch', { key: 'accuracy', unit: '', name: 'accuracy, solid', scale: true },
        { key: 'energy', unit: ' Wh', name: 'energy per epoch (Wh), dashed' });
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
          return p.seriesType === 'line' ? '' : echarts.format.encodeHTML(p.name) + '<br>' + p.value[0].toPrecision(3)
            + ' gCO2e, accuracy ' + p.value[1].toFixed(4);
        } },
        xAxis: axis('value', 'CO2e (g)', { nameGap: 30 }),
        yAxis: axis('value', 'accuracy'),
        series: [
          { name: 'Pareto front', type: 'line', data: d.front, symbol: 'none', z: 1,
            lineStyle: { color: GREEN, width: 2 }, itemStyle: { color: GREEN } },
          { name: 'on the front', type: 'scatter', symbolSize: 13, data: points(true), z: 3, itemStyle: { color: GREEN } },
          { name: 'dominated', type: 'scatter', symbolSize: 10, data: points(false), z: 2, itemStyle: { color: '#9e9e9e' } }
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
    var held = chart.getOption().series.reduce(function (n, s) { return n + (s.data ? s.data.length : 0); }, 0);
    figure.setAttribute('data-points', String(held));
    charts.push(chart);
  });
  document.body.setAttribute('data-charts', String(charts.length));
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
