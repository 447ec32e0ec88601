// Loaded with --import into a benchmarked `kg` process: reports its peak RSS and the CPU time of all its
// threads (worker threads and V8's compiler and GC threads included) on exit.
process.on("exit", () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nKG_BENCH_MAXRSS_KB ${u.maxRSS}\nKG_BENCH_CPU_US ${u.userCPUTime + u.systemCPUTime}\n`);
});
