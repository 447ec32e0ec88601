// Loaded with --import into a benchmarked `kg` process: reports its peak RSS (worker threads included) on exit.
process.on("exit", () => process.stderr.write(`\nKG_BENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`));
