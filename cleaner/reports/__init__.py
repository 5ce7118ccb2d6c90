"""Reports of a run: report.json (machines), report.diff (people, CI), report.html."""
