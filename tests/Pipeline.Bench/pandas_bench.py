"""pandas engine of `pipeline bench`: read_csv, the same three validity rules, valid rows per ISO week.

Prints one JSON line like the .NET workers: engine, seconds (read + validate + group-by), peak_rss_mb
(VmHWM), valid_rows, weekly {monday: count}. Exits 3 when pandas cannot be imported.
"""
import json
import sys
import time


def peak_rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def main(path):
    try:
        import pandas as pd
    except ImportError:
        sys.stderr.write("pandas is not installed (apt-get install python3-pandas)\n")
        return 3

    start = time.perf_counter()
    # As a researcher would read it: every column, missing markers kept as text so validation sees them.
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    dates = pd.to_datetime(frame["event_date"], format="%d %B %Y", errors="coerce")
    deaths = pd.to_numeric(frame["fatalities"], errors="coerce")
    valid = dates.notna() & deaths.notna() & (deaths >= 0) & (deaths == deaths.round()) & (frame["event_type"].str.strip() != "")
    days = dates[valid]
    weeks = (days - pd.to_timedelta(days.dt.weekday, unit="D")).dt.strftime("%Y-%m-%d")
    counts = weeks.value_counts()
    seconds = time.perf_counter() - start
    print(json.dumps({
        "Engine": "pandas",
        "Seconds": seconds,
        "PeakRssMb": peak_rss_mb(),
        "ValidRows": int(valid.sum()),
        "Weekly": {k: int(v) for k, v in sorted(counts.items())},
        "Version": pd.__version__,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
