#!/usr/bin/env python3
"""Writes lowcarb's built-in tables (zones.csv, cpu-tdp.csv) in lowcarb's own format.

Figures are read from the public reference tables in ../shared/data/reference (Green Algorithms,
CodeCarbon, ML CO2 Impact); every row written cites the original source of its figure. The AWS
region locations are lowcarb's own mapping, from AWS's published region list.

Usage: tools/gen_tables.py ../shared/data/reference ISO3_TO_ISO2.csv
(the second file: lines 'ESP,ES', as printed by java.util.Locale).
"""
import csv
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "lowcarb-energy/src/main/resources/io/lowcarb/energy"

# AWS region -> grid location (Green Algorithms location codes), from
# https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
AWS_REGIONS = {
    "us-east-1": "US-VA", "us-east-2": "US-OH", "us-west-1": "US-CA", "us-west-2": "US-OR",
    "ca-central-1": "CA-QC", "sa-east-1": "BR", "eu-west-1": "IE", "eu-west-2": "GB",
    "eu-west-3": "FR", "eu-central-1": "DE", "eu-central-2": "CH", "eu-north-1": "SE",
    "eu-south-1": "IT", "eu-south-2": "ES", "ap-south-1": "IN", "ap-southeast-1": "SG",
    "ap-southeast-2": "AU-NSW", "ap-southeast-3": "ID", "ap-northeast-1": "JP",
    "ap-northeast-2": "KR", "ap-northeast-3": "JP", "ap-east-1": "CN-HK", "me-south-1": "BH",
    "me-central-1": "AE", "af-south-1": "ZA", "il-central-1": "IL",
}


def year_of(*texts):
    for text in texts:
        m = re.search(r"data from (?:\w+ )?(\d{4})", text, re.I) or re.search(r"(\d{4}) data", text)
        if m:
            return m.group(1)
    for text in texts:
        m = re.search(r"(20\d\d)", text)
        if m:
            return m.group(1)
    return ""


def read_rows(path, skip=1):
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = rows[skip]
    return [dict(zip(header, r)) for r in rows[skip + 1:]]


def main(ref, iso_file):
    ref = Path(ref)
    iso = dict(line.strip().split(",") for line in open(iso_file) if "," in line)
    zones = {}

    # Countries: Our World in Data (Ember and Energy Institute), as compiled in CodeCarbon.
    mix = json.load(open(ref / "codecarbon/global_energy_mix.json"))
    for iso3, row in mix.items():
        code = iso.get(iso3)
        if not code or row.get("carbon_intensity") in (None, ""):
            continue
        zones[code] = [code, row["country_name"], round(float(row["carbon_intensity"]), 2), "", row.get("year", ""),
                       "Our World in Data, electricity carbon intensity (Ember; Energy Institute), via CodeCarbon global_energy_mix.json"]

    # Sub-national grids and the locations cloud regions sit in: Green Algorithms CI_aggregated.
    ga = {r["location"]: r for r in read_rows(ref / "green-algorithms/CI_aggregated.csv")}
    for code, r in ga.items():
        if r["Type"] in ("Region", "World") or code not in zones and r["Type"] == "Country":
            name = "World" if r["Type"] == "World" else f'{r["countryName"]} {r["regionName"]}'.replace(" Any", "")
            zones.setdefault(code, [code, name,
                                    float(r["carbonIntensity"]), "", year_of(r["source"], r["comments"]),
                                    f'{r["source"]} via Green Algorithms CI_aggregated.csv'])

    pue_default = {r["provider"]: (r["PUE"], r["source"]) for r in read_rows(ref / "green-algorithms/defaults_PUE.csv")}

    owid = {code for code, row in zones.items() if "Our World in Data" in row[5]}

    def cloud(provider, region, location, pue, pue_source):
        if not pue:
            pue, pue_source = pue_default[provider]
        if location in owid:  # a whole country: the newer national figure
            code, name, g, _, year, source = zones[location]
            zones[f"{provider}:{region}"] = [f"{provider}:{region}", name, g, pue, year,
                                             f"grid {location}: {source}; PUE: {pue_source}"]
            return
        r = ga.get(location)
        if r is None:
            return
        zones[f"{provider}:{region}"] = [
            f"{provider}:{region}", f'{r["countryName"]} {r["regionName"]}'.replace(" Any", ""), float(r["carbonIntensity"]),
            pue, year_of(r["source"], r["comments"]),
            f'grid {location}: {r["source"]} via Green Algorithms; PUE: {pue_source}']

    for r in read_rows(ref / "green-algorithms/cloudProviders_datacenters.csv"):
        region = r["Name"].strip()
        if r["provider"] == "azure":
            region = re.sub(r"\s*\(.*\)", "", region).replace(" ", "").lower()
        cloud(r["provider"], region, r["location"], r["PUE"], r["source_PUE"])
    for region, location in AWS_REGIONS.items():
        cloud("aws", region, location, "", "")

    with open(OUT / "zones.csv", "w", newline="") as f:
        f.write("# lowcarb's built-in grid carbon intensity (annual average, gCO2e/kWh) and PUE per zone.\n")
        f.write("# zone: ISO 3166 country code, sub-national grid (US-CA), or cloud region (aws:eu-west-1).\n")
        f.write("# year: the year of the underlying data. Regenerate with tools/gen_tables.py.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["zone", "name", "g_per_kwh", "pue", "year", "source"])
        for key in sorted(zones):
            w.writerow(zones[key])

    # CPUs: Green Algorithms' TDP table (with core counts), then CodeCarbon's larger list.
    cpus = {}

    def key(name):
        return re.sub(r"^(intel|amd)\s+", "", name.lower())
    for r in read_rows(ref / "green-algorithms/TDP_cpu.csv"):
        if r["model"] == "Any" or not re.fullmatch(r"\d+(\.\d+)?", r["TDP"].strip()):
            continue
        cpus[r["model"].strip()] = [r["model"].strip(), r["TDP"], r["n_cores"], f'{r["source"].strip()} via Green Algorithms TDP_cpu.csv']
    seen = {key(n) for n in cpus}
    with open(ref / "codecarbon/cpu_power.csv", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            name = r["Name"].strip()
            if name and key(name) not in seen and re.fullmatch(r"\d+(\.\d+)?", r["TDP"].strip()):
                cpus[name] = [name, r["TDP"], "", "manufacturer specification, via CodeCarbon cpu_power.csv"]
    with open(OUT / "cpu-tdp.csv", "w", newline="") as f:
        f.write("# lowcarb's built-in CPU table: thermal design power of one package (W) and its physical cores.\n")
        f.write("# Regenerate with tools/gen_tables.py.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["model", "tdp_w", "cores", "source"])
        for key in sorted(cpus):
            w.writerow(cpus[key])
    print(f"{len(zones)} zones, {len(cpus)} CPUs -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
