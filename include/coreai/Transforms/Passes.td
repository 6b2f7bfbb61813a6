//===- Passes.td - Core AI passes --------------------------*- tablegen -*-===//

#ifndef COREAI_TRANSFORMS_PASSES_TD
#define COREAI_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// Shared option values and options
//===----------------------------------------------------------------------===//

defvar QuantDtypeValues = [{::llvm::cl::values(
      clEnumValN(::mlir::coreai::QuantDtype::None, "none", "not set"),
      clEnumValN(::mlir::coreai::QuantDtype::Int8, "int8", "8-bit signed integers"),
      clEnumValN(::mlir::coreai::QuantDtype::UInt8, "uint8", "8-bit unsigned integers"),
      clEnumValN(::mlir::coreai::QuantDtype::Int4, "int4", "4-bit signed integers"),
      clEnumValN(::mlir::coreai::QuantDtype::UInt4, "uint4", "4-bit unsigned integers"),
      clEnumValN(::mlir::coreai::QuantDtype::Int2, "int2", "2-bit signed integers"),
      clEnumValN(::mlir::coreai::QuantDtype::UInt2, "uint2", "2-bit unsigned integers"),
      clEnumValN(::mlir::coreai::QuantDtype::FP8E4M3FN, "fp8_e4m3fn", "fp8 E4M3 (finite)"),
      clEnumValN(::mlir::coreai::QuantDtype::FP8E5M2, "fp8_e5m2", "fp8 E5M2"),
      clEnumValN(::mlir::coreai::QuantDtype::FP4E2M1FN, "fp4_e2m1fn", "MXFP4: fp4 E2M1 with E8M0 block scales"))}];
defvar QSchemeValues = [{::llvm::cl::values(
      clEnumValN(::mlir::coreai::QScheme::Symmetric, "symmetric", "zero point 0 (or the middle code)"),
      clEnumValN(::mlir::coreai::QScheme::Asymmetric, "asymmetric", "zero point from the block minimum"))}];
defvar GranularityValues = [{::llvm::cl::values(
      clEnumValN(::mlir::coreai::Granularity::PerTensor, "per_tensor", "one parameter set per tensor"),
      clEnumValN(::mlir::coreai::Granularity::PerChannel, "per_channel", "one per output channel"),
      clEnumValN(::mlir::coreai::Granularity::PerBlock, "per_block", "one per output channel and block of input channels (quantization)"),
      clEnumValN(::mlir::coreai::Granularity::PerGroupedChannel, "per_grouped_channel", "one per group of output channels (palettization)"))}];
defvar ScaleDtypeValues = [{::llvm::cl::values(
      clEnumValN(::mlir::coreai::ScaleDtype::None, "none", "the weight's float type"),
      clEnumValN(::mlir::coreai::ScaleDtype::FP8E8M0FNU, "fp8_e8m0fnu", "E8M0 power-of-two scales"))}];
defvar ScaleSearchValues = [{::llvm::cl::values(
      clEnumValN(::mlir::coreai::ScaleSearchMode::Auto, "auto", "mse for 2- and 4-bit integer dtypes, minmax otherwise"),
      clEnumValN(::mlir::coreai::ScaleSearchMode::MinMax, "minmax", "the block's range"),
      clEnumValN(::mlir::coreai::ScaleSearchMode::MSE, "mse", "a least-squares search over clipped scales"))}];
defvar SymmetricRangeValues = [{::llvm::cl::values(
      clEnumValN(::mlir::coreai::SymmetricRange::Restricted, "restricted", "drop the lowest code (-7..7 for 4 bits)"),
      clEnumValN(::mlir::coreai::SymmetricRange::Full, "full", "every code (-8..7 for 4 bits)"))}];
defvar AutoObjectiveValues = [{::llvm::cl::values(
      clEnumValN(::mlir::coreai::AutoObjective::MaxWorst, "max-worst", "the best worst channel of the program, then the next"),
      clEnumValN(::mlir::coreai::AutoObjective::Balanced, "balanced", "the highest floor on every weight's worst channel, then the least noise"),
      clEnumValN(::mlir::coreai::AutoObjective::LeastNoise, "least-noise", "the least sum of the weights' worst-channel noise"))}];
defvar ReportFormatValues = [{::llvm::cl::values(
      clEnumValN(::mlir::coreai::ReportFormat::Table, "table", "aligned for a terminal"),
      clEnumValN(::mlir::coreai::ReportFormat::JSON, "json", "for scripts"))}];

/// Every compression pass chooses its weights with the same threshold.
defvar WeightNumThresholdOption =
    Option<"weightNumThreshold", "weight-num-threshold", "uint64_t",
           /*default=*/"1024",
           "Only constants with more elements than this are compressed "
           "(default 1024)">;

/// Activation statistics turn on GPTQ error feedback.
defvar ActivationStatisticsOption =
    Option<"activationStatistics", "activation-statistics", "std::string",
           /*default=*/"\"\"",
           "A statistics file of this program (Python's "
           "ActivationStatistics.save): for weights it covers, scales and "
           "LUTs are weighted by the mean square of their inputs and values "
           "rounded with GPTQ error feedback from their inputs' Gram matrix "
           "(default: none, each weight rounded on its own)">;


def CoreAIMaterializeWeightsPass
    : Pass<"coreai-materialize-weights", "::mlir::ModuleOp"> {
  let summary = "Replaces compressed weight chains by dense constants";
  let description = [{
    Evaluates every chain of `coreai.blockwise_shift_scale`,
    `coreai.lut_to_dense`, `coreai.build_sparse_with_bitmask` /
    `coreai.sparse_with_bitmask_to_dense` and `coreai.cast` whose inputs are
    constants, and replaces it by one `coreai.constant` holding the values it
    computes (reference semantics: parameters repeated over contiguous blocks,
    LUT vectors laid out along `axis`, mask scatter in row-major order, every
    result rounded once to its element type). The chain's ops and constants
    are erased when nothing else uses them.

    This is the decompressor that checks every compression pass, and a way to
    hand a compressed program to a runtime that lacks these ops.

    Before:
    ```mlir
    %q = coreai.constant dense<[[2, -4]]> : tensor<1x2xsi8>
    %s = coreai.constant dense<5.000000e-01> : tensor<1x1xf32>
    %z = coreai.constant dense<0> : tensor<1x1xsi8>
    %o = coreai.constant dense<0.000000e+00> : tensor<1x1xf32>
    %w = coreai.blockwise_shift_scale %q, %s, %z, %o : (...) -> tensor<1x2xf32>
    ```
    After:
    ```mlir
    %w = coreai.constant dense<[[1.000000e+00, -2.000000e+00]]> : tensor<1x2xf32>
    ```

    Example: `coreai-opt --pass-pipeline='builtin.module(coreai-materialize-weights)' model.mlir`

    Runs in parallel across chains (oneTBB) and gives the same bytes whatever
    the thread count; `--mlir-disable-threading` runs it on one thread.
  }];
  let dependentDialects = ["::mlir::coreai::CoreAIDialect"];
}

def CoreAIQuantizeWeightsPass
    : Pass<"coreai-quantize-weights", "::mlir::ModuleOp"> {
  let summary = "Quantizes weights to int8/4/2, fp8 or MXFP4 (quantize_weights)";
  let description = [{
    Mirrors `coreai_opt.coreai_utils.quantize_weights`. Every weight chosen by
    the shared candidate selection (float constant with more than
    `weight-num-threshold` elements, consumed as a weight) becomes quantized
    data and a `coreai.blockwise_shift_scale` that dequantizes it:

    ```mlir
    %w = coreai.constant dense_resource<...> : tensor<32x2048xf16>
    %t = coreai.transpose %w, %perm : (...) -> tensor<2048x32xf16>
    ```
    becomes, with `dtype=int4 granularity=per_block`:
    ```mlir
    %q = coreai.constant dense_resource<coreai_...> : tensor<32x2048xsi4>
    %s = coreai.constant dense_resource<coreai_...> : tensor<32x64xf16>
    %z = coreai.constant dense<0> : tensor<32x64xsi4>
    %o = coreai.constant dense<0.000000e+00> : tensor<32x64xf16>
    %w = coreai.blockwise_shift_scale %q, %s, %z, %o : (...) -> tensor<32x2048xf16>
    %t = coreai.transpose %w, %perm : (...) -> tensor<2048x32xf16>
    ```

    Blocks: per_tensor one scale; per_channel one per output channel;
    per_block one per output channel and `block-size` input channels (for a
    conv: input channels x the whole kernel). Integer codes are
    `clip(round(w / s) + zp)` (ties to even) with the scale rounded to its
    storage type first; float formats use `s = max|w| / fmax`, or with E8M0
    scales (fp4 always, fp8 with `scale-dtype=fp8_e8m0fnu`) the OCP MX
    scale `2^(floor(log2 max|w|) - emax)`, the data quantized against the
    stored scale. An all-zero block dequantizes to exactly 0.

    Integer scales: `scale-search=minmax` takes them from each block's range
    (the reference's way); `mse` tries clipped scales r * amax / qmax (r from
    1.10 down to 0.65 for blocks, to 0.30 for channels and tensors), keeps
    the one whose codes explain the block best in the least-squares sense,
    refits it and rounds it to its storage (asymmetric: scale and zero point
    fitted together); it is never worse than min-max on a block. `auto`
    (default) searches for 2- and 4-bit dtypes, where it gains 0.3 to 1.5 dB.
    `symmetric-range=full` uses every code (-8..7 for 4 bits) with the
    block's largest magnitude on the extra one (a negative scale when that
    value is positive). The format is the same either way; the decoder's
    location carries `coreai.int_params=mse[,full]` metadata for the report.

    Invalid options are errors before any change. A weight whose block size
    does not divide its input axis, or that holds Inf/NaN, is left as it is
    with a warning at its location.

    Example: `coreai-opt --pass-pipeline='builtin.module(coreai-quantize-weights{dtype=int4 granularity=per_block})' model.mlir`
  }];
  let dependentDialects = ["::mlir::coreai::CoreAIDialect"];
  let options = [
    Option<"dtype", "dtype", "::mlir::coreai::QuantDtype",
           /*default=*/"::mlir::coreai::QuantDtype::None",
           "Quantized type (required): int8, uint8, int4, uint4, int2, uint2, "
           "fp8_e4m3fn, fp8_e5m2 or fp4_e2m1fn", QuantDtypeValues>,
    Option<"qscheme", "qscheme", "::mlir::coreai::QScheme",
           /*default=*/"::mlir::coreai::QScheme::Symmetric",
           "symmetric (default) or asymmetric (integer dtypes only)",
           QSchemeValues>,
    Option<"granularity", "granularity", "::mlir::coreai::Granularity",
           /*default=*/"::mlir::coreai::Granularity::PerChannel",
           "per_tensor, per_channel (default) or per_block", GranularityValues>,
    Option<"blockSize", "block-size", "uint64_t", /*default=*/"32",
           "Input channels per block with granularity=per_block (> 0, "
           "default 32)">,
    WeightNumThresholdOption,
    Option<"scaleDtype", "scale-dtype", "::mlir::coreai::ScaleDtype",
           /*default=*/"::mlir::coreai::ScaleDtype::None",
           "Scale storage: none (the weight's type, default) or fp8_e8m0fnu "
           "(fp8 dtypes only; fp4 always uses it)", ScaleDtypeValues>,
    Option<"scaleSearch", "scale-search", "::mlir::coreai::ScaleSearchMode",
           /*default=*/"::mlir::coreai::ScaleSearchMode::Auto",
           "Integer scales: auto (default: mse for 2- and 4-bit dtypes, "
           "minmax otherwise), minmax (the block's range) or mse "
           "(least-squares search over clipped scales)", ScaleSearchValues>,
    Option<"symmetricRange", "symmetric-range",
           "::mlir::coreai::SymmetricRange",
           /*default=*/"::mlir::coreai::SymmetricRange::Restricted",
           "Symmetric integer codes: restricted (default, -7..7 for 4 bits) "
           "or full (-8..7, the largest magnitude on the extra code)",
           SymmetricRangeValues>,
    ActivationStatisticsOption,
  ];
}

def CoreAIPalettizeWeightsPass
    : Pass<"coreai-palettize-weights", "::mlir::ModuleOp"> {
  let summary = "Palettizes weights with k-means look-up tables "
                "(palettize_weights)";
  let description = [{
    Mirrors `coreai_opt.coreai_utils.palettize_weights`. Every weight chosen
    by the shared candidate selection becomes `ui<n-bits>` indices (packed)
    and a look-up table, decoded by `coreai.lut_to_dense`:

    ```mlir
    %idx  = coreai.constant dense_resource<coreai_...> : tensor<32x2048xui4>
    %axis = coreai.constant dense<0> : tensor<si16>
    %lut  = coreai.constant dense<...> : tensor<1x1x16x1xf16>
    %w    = coreai.lut_to_dense %idx, %lut, %axis : (...) -> tensor<32x2048xf16>
    ```

    One LUT per tensor, per output channel, or per `group-size` output
    channels. Scalar LUTs (`cluster-dim=1`) are the exact least-squares
    optimum of 1-D k-means over the group's values (a dynamic program over
    the sorted distinct values); with `enable-fast-kmeans-mode` the values
    are rounded to `rounding-precision` decimals to choose the partition and
    each entry is the mean of its unrounded members. `cluster-dim > 1`
    clusters vectors along the output axis (k-means++, three deterministic
    restarts, lowest error kept). `enable-per-channel-scale` divides by
    max |w| over the output axis first and multiplies back with a
    `coreai.blockwise_shift_scale`; `lut-dtype` quantizes the LUT
    (symmetric, per tensor) and dequantizes it the same way, with the scale
    fused with the per-channel scale when both are on.

    An all-zero output channel decodes to exactly zero: a scalar LUT that
    serves one gets its entry nearest 0 set to exactly 0 (the other values
    on that entry then decode to 0 as well).

    Invalid options are errors before any change. A weight whose output
    channels the group size (or the group size the cluster dim) does not
    divide is left as it is with a warning.
  }];
  let dependentDialects = ["::mlir::coreai::CoreAIDialect"];
  let options = [
    Option<"lutDtype", "lut-dtype", "::mlir::coreai::QuantDtype",
           /*default=*/"::mlir::coreai::QuantDtype::None",
           "LUT storage: none (the weight's type, default), int8, uint8, "
           "fp8_e4m3fn or fp8_e5m2", QuantDtypeValues>,
    Option<"nBits", "n-bits", "uint64_t", /*default=*/"4",
           "Index bits: 1, 2, 3, 4 (default), 6 or 8">,
    Option<"granularity", "granularity", "::mlir::coreai::Granularity",
           /*default=*/"::mlir::coreai::Granularity::PerTensor",
           "per_tensor (default), per_channel or per_grouped_channel",
           GranularityValues>,
    Option<"groupSize", "group-size", "uint64_t", /*default=*/"32",
           "Output channels per LUT with per_grouped_channel (> 0, default "
           "32)">,
    Option<"clusterDim", "cluster-dim", "uint64_t", /*default=*/"1",
           "Elements per LUT entry, along the output axis (> 0, default 1)">,
    Option<"enablePerChannelScale", "enable-per-channel-scale", "bool",
           /*default=*/"false",
           "Normalize by max |w| over the output axis first (default false)">,
    WeightNumThresholdOption,
    Option<"numKmeansWorkers", "num-kmeans-workers", "uint64_t",
           /*default=*/"4",
           "Threads for this pass, clamped to the machine (> 0, default 4); "
           "the output does not depend on it">,
    Option<"enableFastKmeansMode", "enable-fast-kmeans-mode", "bool",
           /*default=*/"true",
           "Round values to rounding-precision decimals to choose the "
           "clusters (default true)">,
    Option<"roundingPrecision", "rounding-precision", "uint64_t",
           /*default=*/"4", "Decimals of the fast mode (0 to 15, default 4)">,
    ActivationStatisticsOption,
  ];
}

def CoreAISparsifyWeightsPass
    : Pass<"coreai-sparsify-weights", "::mlir::ModuleOp"> {
  let summary = "Prunes small weights into sparse-with-bitmask constants "
                "(sparsify_weights)";
  let description = [{
    Mirrors `coreai_opt.coreai_utils.sparsify_weights`. Every weight chosen
    by the shared candidate selection is pruned by magnitude and stored as
    its non-zero values (1-D, row-major) and a `ui1` mask:

    ```mlir
    %v  = coreai.constant dense_resource<...> : tensor<32768xf16>
    %m  = coreai.constant dense_resource<...> : tensor<32x2048xui1>
    %sp = coreai.build_sparse_with_bitmask %v, %m : (...) -> !coreai.sparse_with_bitmask<tensor<32x2048xf16>>
    %w  = coreai.sparse_with_bitmask_to_dense %sp : ... -> tensor<32x2048xf16>
    ```

    Unstructured: exactly floor(numel * target-sparsity) elements with the
    lowest |w| become zero (ties: the lowest flat index first). `block-size`:
    blocks of that many output channels ranked by L2 norm. `n-m-ratio=n,m`:
    in every m consecutive input channels the n smallest become zero; it
    replaces the default target sparsity (setting both is an error).
    `quantize-dtype` quantizes the values (per tensor, symmetric) and
    dequantizes them before they are scattered, so pruned weights stay
    exactly 0; `palettize-nbits` gives the values one exact-optimal LUT.

    With `activation-statistics=FILE` the elements are ranked by
    |w| * sqrt(E[x^2]), their input's root mean square (Wanda) instead of
    |w|, and, with the full H, the kept values are corrected by GPTQ error
    feedback: pruned elements are fixed at 0 and their error, like the kept
    values' rounding to the weight's type, joint scale or LUT (k-means
    weighted as coreai-palettize-weights weighs), flows into the elements
    not yet visited.
  }];
  let dependentDialects = ["::mlir::coreai::CoreAIDialect"];
  let options = [
    Option<"targetSparsity", "target-sparsity", "double", /*default=*/"0.5",
           "Fraction of the elements to prune, in [0, 1] (default 0.5)">,
    Option<"blockSize", "block-size", "uint64_t", /*default=*/"0",
           "Prune blocks of this many output channels (> 1; 0: not set)">,
    ListOption<"nMRatio", "n-m-ratio", "int64_t",
               "n,m: prune n of every m consecutive input channels (not set "
               "by default)">,
    Option<"quantizeDtype", "quantize-dtype", "::mlir::coreai::QuantDtype",
           /*default=*/"::mlir::coreai::QuantDtype::None",
           "Quantize the kept values: none (default), int8, uint8, "
           "fp8_e4m3fn or fp8_e5m2", QuantDtypeValues>,
    Option<"palettizeNbits", "palettize-nbits", "uint64_t", /*default=*/"0",
           "Palettize the kept values with a LUT of 2^n entries: 1, 2, 3, 4, "
           "6 or 8 (0: not set)">,
    WeightNumThresholdOption,
    ActivationStatisticsOption,
  ];
}

def CoreAICompressWeightsPass
    : Pass<"coreai-compress-weights", "::mlir::ModuleOp"> {
  let summary = "Compresses each weight with its own scheme: by a recipe, or "
                "chosen automatically for a size or quality target";
  let description = [{
    Gives each weight its own scheme in one run, by a recipe, automatically,
    or both.

    **Recipe** (`recipe=FILE`): a JSON file of ordered rules. Each weight
    chosen by the shared candidate selection goes to the first rule whose
    selectors match it (consumer op, weight ordinal as the weight report
    numbers it, a regular expression over its locations, shape, element
    count, element type), which skips it, compresses it with the first of
    its schemes that applies to it, or (`"auto": true`) leaves the choice to
    the automatic mode. Scheme objects take exactly the options of
    `coreai-quantize-weights`, `coreai-palettize-weights` and
    `coreai-sparsify-weights`, and give the same decoder chains, so
    `coreai-materialize-weights` and `coreai-weight-report` read the result.

    ```json
    {"rules": [
      {"name": "embeddings", "match": {"op": "coreai.gather_nd"},
       "quantize": {"dtype": "int8"}},
      {"match": {"location": "lm_head"}, "skip": true},
      {"schemes": [{"quantize": {"dtype": "int4", "granularity": "per_block"}},
                   {"quantize": {"dtype": "int4"}} ]} ]}
    ```

    Weights that no rule matches stay as they are.

    **Automatic choice, without data**: every candidate scheme (the default
    ladder, `candidates=NAME,...`, or the recipe's `"candidates"` list) is
    computed for every weight and measured off the IR: its bytes and the
    SQNR of its worst output channel. With `bits-per-weight=B` the program's
    average, over every weight the weight report lists (those left dense at
    their dense size), stays at most B. Within it, `objective=max-worst`
    (the default) maximizes the worst output-channel SQNR of the program:
    the currently worst weight moves to its next better candidate while the
    budget allows, then the next worst; `objective=least-noise` minimizes
    the sum over the weights of their worst channel's noise-to-signal
    ratio, taking first the upgrades that remove the most noise per bit;
    `objective=balanced` raises every weight's worst channel to the highest
    floor the budget allows, then spends the rest as least-noise does. On a
    real text recognizer max-worst kept the most lines readable across
    budgets.
    With `min-sqnr=DB` each weight takes its cheapest candidate whose worst
    output channel reaches DB, or stays dense. Keeping a weight dense is
    always a candidate.

    **Automatic choice from the user's evaluation**: with
    `sensitivity=FILE`, a table that Python's `measure_sensitivity` wrote
    (each weight's loss increase, measured with the user's own evaluation,
    for each candidate alone; docs/Sensitivity.md), and `bits-per-weight=B`,
    the plan minimizes the summed measured increase under the budget: an
    exact multiple-choice knapsack (dynamic programming over a grid of bits
    fine enough that rounding costs a plan at most 0.001 bits per weight;
    for tables too large for it, a Lagrangian allocation along each weight's
    convex hull), then any better candidate that still fits the unused
    budget. Plans are not nested (a larger budget may move a weight to a
    candidate of larger increase where that pays elsewhere), but the
    predicted loss never rises with the budget. The table is tied to the
    program by each weight's id and the SHA-256 of its payload: a weight
    that does not match is an error at its constant.
    `max-loss-increase-per-weight=T` comes first: a plan minimizes the
    summed excess of its candidates' increases over T, then the summed
    increase. So candidates above T are excluded while the budget can be
    met without them, and otherwise the least excess is kept (the dry run
    marks each weight above T and gives the summed excess).
    `min-sqnr=DB` then keeps the data-free floor on each candidate's worst
    output channel as a second guard. The
    candidates are the table's (or a subset given by `candidates`).

    With `activation-statistics=FILE` every scheme, from a recipe or a
    candidate of the automatic choice, compresses the weights the statistics
    cover with them (as the single passes do), and the automatic choice
    measures each candidate by what the consumer's output holds of its
    error: SQNR and worst channel from w H wᵀ over Δw H Δwᵀ per output
    channel instead of the weight's own values. Its default ladder then
    reaches below 4 bits: 3- and 2-bit LUTs per channel and per 16 channels
    (GPTQ keeps models at 3 bits that plain rounding breaks), and int4
    blocks of 16 and 8 for input axes that 32 does not divide. Without
    statistics the ladder stays as it is.

    With `dry-run=true` the program is not changed: the plan is printed on
    stdout as the weight report prints a result, with the real reason of
    every weight left as it is (threshold, excluded by a rule, no scheme
    applies, not smaller, kept dense by the automatic choice, ...). A recipe
    with an unknown key, a value of the wrong type or an invalid option is an
    error that names the rule and the key, before any change. Parallel across
    weights and inside large ones; the same bytes whatever the thread count.

    Examples:
    `coreai-opt --pass-pipeline='builtin.module(coreai-compress-weights{recipe=recipe.json})' model.mlirbc`,
    `coreai-opt --pass-pipeline='builtin.module(coreai-compress-weights{bits-per-weight=5})' model.mlirbc`
  }];
  let dependentDialects = ["::mlir::coreai::CoreAIDialect"];
  let options = [
    Option<"recipe", "recipe", "std::string", /*default=*/"",
           "The recipe: a JSON file of rules">,
    Option<"bitsPerWeight", "bits-per-weight", "double", /*default=*/"0",
           "Automatic choice under a size budget: the average bits per "
           "weight over every weight of the program">,
    Option<"minSqnr", "min-sqnr", "double", /*default=*/"0",
           "Automatic choice for quality: the SQNR in dB each weight's worst "
           "output channel must reach">,
    Option<"objective", "objective", "::mlir::coreai::AutoObjective",
           /*default=*/"::mlir::coreai::AutoObjective::MaxWorst",
           "What bits-per-weight optimizes: max-worst (default), balanced "
           "or least-noise", AutoObjectiveValues>,
    ListOption<"candidates", "candidates", "std::string",
               "The candidate schemes of the automatic choice, by name "
               "(default: lut4-group16, lut4-channel, int4-channel, "
               "int4-block32, uint4-block32, lut6-group16, int8-channel; "
               "with activation-statistics also lut3-group16, lut3-channel, "
               "lut2-group16, lut2-channel, int4-block16, int4-block8; by "
               "name also lut6-channel, lut4-tensor, lut8-tensor)">,
    WeightNumThresholdOption,
    Option<"dryRun", "dry-run", "bool", /*default=*/"false",
           "Change nothing: print the plan as the weight report prints a "
           "result (scheme, bytes, SQNR and worst output channel of every "
           "weight, and why each other weight stays as it is)">,
    Option<"sensitivity", "sensitivity", "std::string", /*default=*/"",
           "A sensitivity table (JSON of measure_sensitivity): choose for "
           "bits-per-weight by the measured loss increases">,
    Option<"maxLossIncreasePerWeight", "max-loss-increase-per-weight",
           "double", /*default=*/"0",
           "With sensitivity: candidates whose measured increase exceeds "
           "this are used only where the budget allows no other">,
    Option<"activationStatistics", "activation-statistics", "std::string",
           /*default=*/"\"\"",
           "A statistics file of this program (Python's "
           "ActivationStatistics.save): every scheme of the weights it covers "
           "uses it (GPTQ, weighted scales and LUTs, Wanda), and the "
           "automatic choice measures output SQNR, w H w^T over dw H dw^T per "
           "output channel (default: none)">,
  ];
}

def CoreAIWeightReportPass
    : Pass<"coreai-weight-report", "::mlir::ModuleOp"> {
  let summary = "Reports every weight: scheme, sizes, bits per weight and "
                "(against a reference program) SQNR";
  let description = [{
    Walks the program and, for every weight operand of every weight consumer
    (in program order), reports where it is, its shape, source and stored
    types, the compression scheme, bytes before and after, bits per weight
    and, when `reference` names the uncompressed program (text or
    bytecode), the SQNR and largest absolute error of the materialized
    weight. Then totals. Weights are matched with the reference by their
    order among the consumers' weight operands (not by SSA names); a
    reference that does not match is an error. Changes nothing.

    With `activation-statistics=FILE` (statistics of the reference program,
    Python's `ActivationStatistics.save`) each weight they cover also gets
    its output SQNR: tr(W H Wᵀ) over tr(ΔW H ΔWᵀ), with H the Gram matrix of
    its inputs and ΔW its error -- the error the consumer's output actually
    holds, summed over the calibration samples (with only diag H, weighted
    by it). The table shows it as `output dB`, JSON as `output_sqnr_db`,
    with the worst in the totals.

    Example: `coreai-opt q.mlir -o /dev/null --pass-pipeline='builtin.module(coreai-weight-report{reference=model.mlir})'`
  }];
  let dependentDialects = ["::mlir::coreai::CoreAIDialect"];
  let options = [
    Option<"reference", "reference", "std::string", /*default=*/"",
           "The uncompressed program (text or bytecode) to compare with">,
    Option<"format", "format", "::mlir::coreai::ReportFormat",
           /*default=*/"::mlir::coreai::ReportFormat::Table",
           "table (aligned for a terminal, default) or json",
           ReportFormatValues>,
    Option<"output", "output", "std::string", /*default=*/"\"-\"",
           "Where to write the report: a file, or - for stdout (default)">,
    Option<"activationStatistics", "activation-statistics", "std::string",
           /*default=*/"\"\"",
           "A statistics file of the reference program: adds each weight's "
           "output SQNR (needs `reference`)">,
  ];
}

//===----------------------------------------------------------------------===//
// Testing
//===----------------------------------------------------------------------===//

def CoreAITestWeightCandidatesPass
    : Pass<"test-coreai-weight-candidates", "::mlir::ModuleOp"> {
  let summary = "Reports the weights the compression passes would choose";
  let description = [{
    Emits a remark at every constant that the compression passes would
    compress, with its output and input channel axes. For tests of the shared
    candidate selection; changes nothing.
  }];
  let options = [WeightNumThresholdOption];
}

def CoreAITestWeightChainsPass
    : Pass<"test-coreai-weight-chains", "::mlir::ModuleOp"> {
  let summary = "Checks that each scheme's chain decodes the same as data "
                "and as IR";
  let description = [{
    For every weight the compression passes would choose and every scheme of
    the first recipe rule that matches it, compresses the weight off the IR,
    evaluates the chain the scheme describes (what the automatic choice
    measures), emits the same description as IR in a scratch module (what
    the rewrite does), materializes it, and emits a remark when both give
    the same values exactly, an error otherwise. For tests; changes nothing.
  }];
  let options = [
    Option<"recipe", "recipe", "std::string", /*default=*/"",
           "The recipe whose schemes are checked">,
    WeightNumThresholdOption,
  ];
}

def CoreAITestVarySplatsPass
    : Pass<"test-coreai-vary-splats", "::mlir::ModuleOp"> {
  let summary = "Turns float splat constants into varied values (for tests)";
  let description = [{
    Every compression pass leaves a splat weight as it is. Tests that only
    care about shapes and axes write their weights as splats (`dense<0.5>`)
    and run this pass first: each f16, bf16 or f32 splat constant of more
    than one element (and at most 2^26, so that huge splats stay) holding v becomes a constant of the same type whose
    element i is v * (1 + (i * 7919 mod 17) / 16); where that leaves every
    element equal (v is 0, Inf or NaN), element 0 becomes 1 (v = 0) or 0.
  }];
}

#endif // COREAI_TRANSFORMS_PASSES_TD
