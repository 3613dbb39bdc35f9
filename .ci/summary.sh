#!/usr/bin/env bash
# Adds up every Surefire and Failsafe report of the build (target/*-reports, and the WildFly run's
# target/failsafe-reports-wildfly) into one closing line.
python3 - "$@" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failed = skipped = 0
for path in glob.glob("**/target/*-reports*/TEST-*.xml", recursive=True):
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
print(f"{tests - failed - skipped} passed, {failed} failed, {skipped} skipped")
PY
