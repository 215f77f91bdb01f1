"""Optuna reference runs for bench/search.ts (npm run bench:search).

Runs Optuna's samplers on the benchmark problems of bench/search.ts (same
functions, same spaces) and prints JSON: per problem and sampler, per seed the
best-so-far regret after each trial, and the mean sampler time per trial over
trials 91-100. Usage: python3 search_optuna.py SEEDS TRIALS > out.json
"""
import json
import math
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)

A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
ALPHA = [1.0, 1.2, 3.0, 3.2]


def branin(t):
    x = t.suggest_float("x", -5, 10)
    y = t.suggest_float("y", 0, 15)
    b, c, s = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - s) * math.cos(x) + 10 - 0.397887357729738


def hartmann6(t):
    x = [t.suggest_float(f"x{i}", 0, 1) for i in range(6)]
    total = 0.0
    for i in range(4):
        inner = sum(A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6))
        total -= ALPHA[i] * math.exp(-inner)
    return total + 3.322368011415515


OFFSET = {"relu": 0.0, "gelu": 0.25, "tanh": 0.6, "sigmoid": 1.2}


def mixed(t):
    lr = t.suggest_float("lr", 1e-5, 1e-1, log=True)
    units = t.suggest_int("units", 1, 1024, log=True)
    act = t.suggest_categorical("activation", ["relu", "gelu", "tanh", "sigmoid"])
    return (math.log10(lr) + 2.5) ** 2 + 0.25 * (math.log2(units) - 6) ** 2 + OFFSET[act]


PROBLEMS = {"branin": branin, "hartmann6": hartmann6, "mixed": mixed}
SAMPLERS = {
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "tpe-multivariate": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True),
}


def main():
    seeds, trials = int(sys.argv[1]), int(sys.argv[2])
    out = {"version": optuna.__version__, "results": {}}
    for pname, obj in PROBLEMS.items():
        for sname, make in SAMPLERS.items():
            curves, times = [], []
            for seed in range(seeds):
                study = optuna.create_study(sampler=make(seed))
                stamps = []

                def cb(study, trial):
                    stamps.append(time.perf_counter())

                t0 = time.perf_counter()
                study.optimize(obj, n_trials=trials, callbacks=[cb])
                best, curve = math.inf, []
                for tr in study.trials:
                    best = min(best, tr.value)
                    curve.append(max(best, 0.0))
                curves.append(curve)
                last = stamps[-11:]
                times.append((last[-1] - last[0]) / (len(last) - 1) * 1000 if len(last) > 1 else float("nan"))
            out["results"][f"{pname}/{sname}"] = {"curves": curves, "msPerTrialAt100": times}
            print(f"{pname}/{sname} done", file=sys.stderr, flush=True)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
