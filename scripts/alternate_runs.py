#!/usr/bin/env python3
"""Alternate single runs of two or more builds on the same input; print median wall and CPU.

    scripts/alternate_runs.py N BIN... 

Run i starts the builds in order on even i and in reverse on odd i, so a machine that
speeds up or slows down during the run weighs on every build alike. Wall time is taken
around fork/exec/wait; CPU time is user + system from wait4. Environment: ARGS (the
arguments, default the JSON export of /tmp/pair/a.txt and b.txt, as made by
`cargo run --release --example gen_story -- pair /tmp/pair 800000`), PRE (a prefix
command, such as `taskset -c 1` for one core). Output goes to /dev/null.
"""
import os
import statistics
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: alternate_runs.py N BIN...")
    runs = int(sys.argv[1])
    builds = sys.argv[2:]
    args = os.environ.get("ARGS", "export --format json /tmp/pair/a.txt /tmp/pair/b.txt").split()
    prefix = os.environ.get("PRE", "").split()
    times = {b: ([], []) for b in builds}
    devnull = os.open(os.devnull, os.O_WRONLY)
    for i in range(runs):
        for build in builds if i % 2 == 0 else builds[::-1]:
            start = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                command = prefix + [build] + args
                os.execvp(command[0], command)
            _, status, usage = os.wait4(pid, 0)
            if status != 0 and os.waitstatus_to_exitcode(status) not in (0, 1):
                sys.exit(f"{build} failed: {status}")
            times[build][0].append(time.perf_counter() - start)
            times[build][1].append(usage.ru_utime + usage.ru_stime)
    for build in builds:
        wall, cpu = times[build]
        print(
            f"{build}: wall median {1000 * statistics.median(wall):6.1f} ms, "
            f"cpu median {1000 * statistics.median(cpu):6.1f} ms (n={runs})"
        )


if __name__ == "__main__":
    main()
