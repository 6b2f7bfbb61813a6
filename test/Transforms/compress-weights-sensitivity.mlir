// coreai-compress-weights{sensitivity=FILE}: the choice from a table of
// measured loss increases (the user's evaluation, each weight alone under
// each candidate). Two f16 64x128 weights; the table makes #0 sensitive
// (int4 per channel +50, int4 per block +20, int8 +0.1) and #1 not (+0.5,
// +0.3, +0.01). The plans of least summed loss: #0 to int4 per block (4.378
// bits per weight), #1 too (4.503), #0 to int8 with #1 at int4 per channel
// (6.190), #1 to int4 per block (6.315), #1 to int8 (8.190), then dense.
// RUN: %python %S/Inputs/gen_linear.py 64 128 > %t.mlir
// RUN: cp %S/Inputs/sensitivity-linear.json %t.json

// The smallest plan: both at their cheapest candidate.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=4.3 dry-run=true})' | FileCheck %s --check-prefix=B43
// B43: automatic choice: 4.190 bits per weight (budget 4.300)
// B43-NEXT: sensitivity plan: summed measured loss increase 50.5, exact allocation{{$}}
// B43-NEXT: #0 {{.*}}.mlir:5:8: int4-channel, measured loss increase 50
// B43-NEXT: #1 {{.*}}.mlir:7:8: int4-channel, measured loss increase 0.5
// B43: 0 {{.*}} int4 per_channel sym mse full 16384 4227
// B43-NEXT: 1 {{.*}} int4 per_channel sym mse full 16384 4355

// 6 bits: the plan spends the budget. A plan made of a prefix of the hull
// steps stopped at 4.378 bits per weight (loss 20.5): the step of #0 to
// int8 did not fit and held back #1's small step.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=6 dry-run=true})' | FileCheck %s --check-prefix=B6
// B6: automatic choice: 4.503 bits per weight (budget 6.000)
// B6-NEXT: sensitivity plan: summed measured loss increase 20.3, exact allocation
// B6-NEXT: #0 {{.*}}: int4-block32, measured loss increase 20{{$}}
// B6-NEXT: #1 {{.*}}: int4-block32, measured loss increase 0.3{{$}}

// 6.2 bits: the sensitive #0 gets int8 while #1 stays at 4 bits (the
// data-free choice gives #1, whose worst channel is poorer, the bits).
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=6.2 dry-run=true})' | FileCheck %s --check-prefix=B62
// B62: automatic choice: 6.190 bits per weight (budget 6.200)
// B62-NEXT: sensitivity plan: summed measured loss increase 0.6
// B62-NEXT: #0 {{.*}}: int8-channel, measured loss increase 0.1
// B62-NEXT: #1 {{.*}}: int4-channel, measured loss increase 0.5
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=6.2 dry-run=true})' | FileCheck %s --check-prefix=FREE
// FREE: 0 {{.*}} f16,ui4 uint4 per_block
// FREE-NEXT: 1 {{.*}} 6-bit LUT grouped 16

// Room for everything: dense (no measured increase) beats int8.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=16 dry-run=true})' | FileCheck %s --check-prefix=B16
// B16: sensitivity plan: summed measured loss increase 0
// B16-NEXT: #0 {{.*}}: dense
// B16-NEXT: #1 {{.*}}: dense

// The plan is what the pass writes.
// RUN: coreai-opt %t.mlir --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=6.2})' | FileCheck %s --check-prefix=IR
// IR-COUNT-1: tensor<64x128xsi8>
// IR-COUNT-1: tensor<64x128xsi4>

// A subset of the table's candidates.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=4.6 candidates=int4-block32,int8-channel dry-run=true})' | FileCheck %s --check-prefix=SUB
// SUB: #0 {{.*}}: int4-block32, measured loss increase 20
// SUB-NEXT: #1 {{.*}}: int4-block32, measured loss increase 0.3

// A threshold of 10 per weight: #0's 4-bit candidates exceed it. At 4.5
// bits the budget cannot be met without them: the plan keeps the least
// summed excess over it (#0 at int4 per block, over by 10), then the least
// loss. The dry run says so.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=4.5 max-loss-increase-per-weight=10 dry-run=true})' | FileCheck %s --check-prefix=T45
// T45: sensitivity plan: summed measured loss increase 20.5, exact allocation, 1 weight above max-loss-increase-per-weight (the budget cannot be met without; the least summed excess, 10)
// T45-NEXT: #0 {{.*}}: int4-block32, measured loss increase 20 (above max-loss-increase-per-weight by 10)
// T45-NEXT: #1 {{.*}}: int4-channel, measured loss increase 0.5{{$}}
// A threshold of 0.2: #1's 4-bit candidates exceed it too. Both at int8
// take 8.19 bits per weight; at 6.2 and 6.4 one weight must exceed it, #1
// (by 0.3, then by 0.1 at int4 per block) rather than #0 (by 19.8 at least).
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=6.2 max-loss-increase-per-weight=0.2 dry-run=true})' | FileCheck %s --check-prefix=T62
// T62: 1 weight above max-loss-increase-per-weight
// T62-NEXT: #0 {{.*}}: int8-channel, measured loss increase 0.1{{$}}
// T62-NEXT: #1 {{.*}}: int4-channel, measured loss increase 0.5 (above max-loss-increase-per-weight by 0.3)
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=6.4 max-loss-increase-per-weight=0.2 dry-run=true})' | FileCheck %s --check-prefix=T64
// T64: #0 {{.*}}: int8-channel, measured loss increase 0.1
// T64-NEXT: #1 {{.*}}: int4-block32, measured loss increase 0.3 (above max-loss-increase-per-weight by 0.1)
// With the budget for int8 on both, no weight exceeds it.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=8.2 max-loss-increase-per-weight=0.2 dry-run=true})' | FileCheck %s --check-prefix=T82
// T82: sensitivity plan: summed measured loss increase 0.11, exact allocation{{$}}

// min-sqnr as a floor on the worst output channel: #1's 4-bit candidates
// (11.28 and 13.79 dB) are out; its cheapest is then int8.
// RUN: coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=6.4 min-sqnr=15 dry-run=true})' | FileCheck %s --check-prefix=FLOOR
// FLOOR: #0 {{.*}}: int4-block32, measured loss increase 20
// FLOOR-NEXT: #1 {{.*}}: int8-channel, measured loss increase 0.01

// Errors name the option, the file and the weight; nothing is written.
// RUN: not coreai-opt %t.mlir -o %t.out --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json})' 2>&1 | FileCheck %s --check-prefix=NOBUDGET
// NOBUDGET: error: option 'sensitivity' needs 'bits-per-weight'
// RUN: test ! -e %t.out
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=5 objective=least-noise})' 2>&1 | FileCheck %s --check-prefix=OBJ
// OBJ: error: options 'sensitivity' and 'objective' cannot both be set
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=5 max-loss-increase-per-weight=1})' 2>&1 | FileCheck %s --check-prefix=NOTABLE
// NOTABLE: error: option 'max-loss-increase-per-weight' needs 'sensitivity'
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.missing bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: option 'sensitivity': cannot read '{{.*}}.missing': No such file or directory
// RUN: echo '{"format": ' > %t.bad
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.bad bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=NOTJSON
// NOTJSON: error: option 'sensitivity': '{{.*}}.bad' is not JSON
// RUN: echo '{"format": "recipe", "version": 1}' > %t.other
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.other bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=FORMAT
// FORMAT: error: option 'sensitivity': '{{.*}}.other' is not a sensitivity table
// RUN: sed 's/"version": 1/"version": 2/' %t.json > %t.v2
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.v2 bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=VERSION
// VERSION: error: option 'sensitivity': '{{.*}}.v2': unsupported "version" (expected 1)
// The table is bounded by the program (2 weights here: 1 MiB + 16 KiB per
// weight, 4096 + 128 arrays and objects per weight), before it is parsed:
// a 20 MB table took 9 GB.
// RUN: %python -c "import json,sys; t=json.load(open(sys.argv[1])); t['padding']='x'*(1<<21); json.dump(t, open(sys.argv[2], 'w'))" %t.json %t.large
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.large bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=LARGE
// LARGE: error: option 'sensitivity': '{{.*}}.large' holds {{[0-9]+}} bytes, more than a table for the program's 2 weights can (at most 1081344)
// RUN: %python -c "import json,sys; t=json.load(open(sys.argv[1])); t['extra']=[{} for _ in range(5000)]; json.dump(t, open(sys.argv[2], 'w'))" %t.json %t.many
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.many bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=MANY
// MANY: error: option 'sensitivity': '{{.*}}.many' holds more than 4352 arrays and objects, more than a table for the program's 2 weights can
// A table that lists no candidate is an error (it fell back to the default
// ladder).
// RUN: %python -c "import json,sys; t=json.load(open(sys.argv[1])); t['candidates']=[]; json.dump(t, open(sys.argv[2], 'w'))" %t.json %t.nocand
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.nocand bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=NOCAND
// NOCAND: error: option 'sensitivity': '{{.*}}.nocand': "candidates" is empty: the table measured no candidate
// Candidates measured on no weight (each entry a skip reason): the error
// says so instead of only "16.000 bits per weight".
// RUN: %python -c "import json,sys; t=json.load(open(sys.argv[1])); t['candidates']=['int4-block32']; [w.__setitem__('candidates', {'int4-block32': {'skip_reason': 'x'}}) for w in t['weights']]; json.dump(t, open(sys.argv[2], 'w'))" %t.json %t.noapply
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.noapply bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=NOAPPLY
// NOAPPLY: error: option 'bits-per-weight': 5 bits per weight cannot be reached; with every weight at its cheapest candidate the program takes 16.000 bits per weight; 2 of 2 weights have no candidate of the table (int4-block32) that applies and was measured, and stay dense
// RUN: sed 's/"loss_increase": 20.0/"loss_increase": "x"/' %t.json > %t.noloss
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.noloss bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=NOLOSS
// NOLOSS: error: option 'sensitivity': '{{.*}}.noloss' weight entry 1: candidate 'int4-block32' needs a finite "loss_increase"
// Losses a plan cannot sum (1e308 twice is inf), a baseline out of range,
// and a threshold that is not finite are errors, not NaN plans.
// RUN: sed 's/"loss_increase": 20.0/"loss_increase": 1e308/' %t.json > %t.huge
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.huge bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: error: option 'sensitivity': '{{.*}}.huge' weight entry 1: candidate 'int4-block32' needs a finite "loss_increase" within +-1e300 (plans sum them)
// RUN: sed 's/"baseline_loss": [^,]*/"baseline_loss": -1.7e308/' %t.json > %t.base
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.base bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=BASE
// BASE: error: option 'sensitivity': '{{.*}}.base': "baseline_loss" must be a finite number within +-1e300
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=5 max-loss-increase-per-weight=-inf})' 2>&1 | FileCheck %s --check-prefix=NEGINF
// NEGINF: error: option 'max-loss-increase-per-weight' must be a finite number, got -INF
// RUN: sed 's/"id": 1,/"id": 5,/' %t.json > %t.noweight
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.noweight bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=NOWEIGHT
// NOWEIGHT: .mlir:6:9: error: option 'sensitivity': weight #1 is not in the table
// A weight listed twice, or one the program does not have, is an error (the
// driver used the first and ignored the other; Python gives the same errors).
// RUN: sed 's/"id": 1,/"id": 0,/' %t.json > %t.twice
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.twice bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: error: option 'sensitivity': '{{.*}}.twice' weight entry 2: weight #0 is listed twice
// RUN: %python -c "import json,sys; t=json.load(open(sys.argv[1])); e=dict(t['weights'][0]); e['id']=9; t['weights'].append(e); json.dump(t, open(sys.argv[2], 'w'))" %t.json %t.extra
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.extra bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=EXTRA
// EXTRA: error: option 'sensitivity': the table has weight #9, which this program does not have
// Another program (another seed): the first weight does not match.
// RUN: %python %S/Inputs/gen_linear.py 64 128 8 > %t.other.mlir
// RUN: not coreai-opt %t.other.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=5})' 2>&1 | FileCheck %s --check-prefix=SHA
// SHA: .other.mlir:3:9: error: option 'sensitivity': weight #0 does not match the table (SHA-256 of its payload {{[0-9a-f]+}}, the table's a3b327f3
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=5 candidates=lut4-channel})' 2>&1 | FileCheck %s --check-prefix=CAND
// CAND: error: option 'candidates': 'lut4-channel' was not measured in the sensitivity table
// RUN: not coreai-opt %t.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-compress-weights{sensitivity=%t.json bits-per-weight=4})' 2>&1 | FileCheck %s --check-prefix=LOW
// LOW: error: option 'bits-per-weight': 4 bits per weight cannot be reached; with every weight at its cheapest candidate the program takes 4.190 bits per weight
