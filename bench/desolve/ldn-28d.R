# The LDN model of packages/engine/src/models/ldn/model.ts in R deSolve, timed: 28 daily doses of
# 4.5 mg, output every 0.25 h, lsoda with rtol 1e-6 and atol 1e-9 (the engine's defaults).
# The right-hand side is R code, as a deSolve user would write it (no compiled C model).
# Usage: Rscript ldn-28d.R params.csv repetitions   → prints the median seconds per run
suppressMessages(library(deSolve))
args <- commandArgs(trailingOnly = TRUE)
p <- read.csv(args[1], stringsAsFactors = FALSE)
P <- setNames(p$value, p$name)
reps <- as.integer(args[2])
rhs <- function(t, y, P) {
  with(as.list(P), {
    fPre <- f6bn - fmSys * F
    fOther <- fa - F - fPre
    absorbed <- ka * y[1]
    C <- y[2] / V1
    list(c(-absorbed, F * absorbed - CL * C - Q * C + Q * y[3] / V2, Q * C - Q * y[3] / V2,
           fPre * absorbed + fmSys * CL * C - CLm / Vm * y[4], kBrainIn * fu * C - kBrainOut * y[5],
           fOther * absorbed + (1 - fmSys) * CL * C, CLm / Vm * y[4], (1 - fa) * absorbed))
  })
}
y0 <- c(gut = 0, c = 0, p = 0, m = 0, b = 0, e1 = 0, e2 = 0, u = 0)
times <- seq(0, 28 * 24, by = 0.25)
ev <- data.frame(var = "gut", time = seq(0, 27 * 24, by = 24), value = 4.5 / 377.9 * 1e6, method = "add")
run <- function() ode(y = y0, times = times, func = rhs, parms = P, method = "lsoda", rtol = 1e-6, atol = 1e-9, events = list(data = ev))
invisible(run())
t <- numeric(reps)
for (i in seq_len(reps)) t[i] <- system.time(run())[["elapsed"]]
cat(median(t), "\n")
