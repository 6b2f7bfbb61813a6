//===- Passes.td - Core AI passes --------------------------*- tablegen -*-===//

#ifndef COREAI_TRANSFORMS_PASSES_TD
#define COREAI_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

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
  let options = [
    Option<"weightNumThreshold", "weight-num-threshold", "int64_t",
           /*default=*/"1024",
           "Only constants with more elements than this are weights "
           "(default 1024)">,
  ];
}

#endif // COREAI_TRANSFORMS_PASSES_TD
