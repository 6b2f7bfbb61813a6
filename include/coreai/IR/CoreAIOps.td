//===- CoreAIOps.td - Core AI operations -------------------*- tablegen -*-===//
//
// Only the operations this project reasons about are defined here: program
// structure, constants, weight consumers and the compression ops. Every other
// `coreai.<name>` operation passes through unregistered (UnknownOps.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_IR_COREAIOPS_TD
#define COREAI_IR_COREAIOPS_TD

include "coreai/IR/CoreAIBase.td"
include "coreai/IR/CoreAITypes.td"
include "coreai/IR/CoreAIInterfaces.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/CallInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Program structure
//===----------------------------------------------------------------------===//

def CoreAI_GraphOp : CoreAI_Op<"graph", [
    FunctionOpInterface, IsolatedFromAbove]> {
  let summary = "a function-like graph of Core AI operations";
  let description = [{
    ```mlir
    coreai.graph @main(%arg0: tensor<2x3xf32> {coreai.name = "x"})
        -> (tensor<2x3xf32> {coreai.name = "add"}) {
      ...
      coreai.output %0 : tensor<2x3xf32>
    }
    coreai.graph private noinline @norm(%arg0: tensor<1x10xf32>)
        -> tensor<1x10xf32> attributes {template_op = "rms_norm"} { ... }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<StrAttr>:$sym_visibility,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs,
                       UnitAttr:$noinline);
  let regions = (region AnyRegion:$body);
  let extraClassDeclaration = [{
    ::mlir::Region *getCallableRegion() {
      return isExternal() ? nullptr : &getBody();
    }
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() {
      return getFunctionType().getInputs();
    }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() {
      return getFunctionType().getResults();
    }
    bool isDeclaration() { return isExternal(); }
  }];
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def CoreAI_OutputOp : CoreAI_Op<"output", [
    Pure, HasParent<"GraphOp">, ReturnLike, Terminator]> {
  let summary = "returns the results of a graph";
  let arguments = (ins Variadic<AnyType>:$operands);
  let assemblyFormat = "attr-dict ($operands^ `:` type($operands))?";
  let hasVerifier = 1;
}

def CoreAI_InvokeOp : CoreAI_Op<"invoke", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "calls another graph of the module";
  let arguments = (ins FlatSymbolRefAttr:$callee, Variadic<AnyType>:$args);
  let results = (outs Variadic<AnyType>:$results);
  // The real printer leaves two spaces before the colon.
  let assemblyFormat = [{
    $callee `(` $args `)` ` ` ` ` attr-dict `:` functional-type($args, results)
  }];
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def CoreAI_ConstantOp : CoreAI_Op<"constant", [
    ConstantLike, Pure, AllTypesMatch<["value", "result"]>]> {
  let summary = "a constant tensor (inline `dense` or `dense_resource`)";
  let description = [{
    Holds `dense<...>` or `dense_resource<...>`. A `dense_resource` of a
    sub-byte element type (ui1, ui2, ui3, ui4, ui6, si2, si4, f4E2M1FN) holds
    the values packed as an LSB-first bit stream; f4E2M1FN blobs with one byte
    per element are accepted too. The verifier checks the blob size.
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Weight consumers
//===----------------------------------------------------------------------===//

def CoreAI_TransposeOp : CoreAI_Op<"transpose", [Pure,
    DeclareOpInterfaceMethods<CoreAI_WeightLookThroughOpInterface>]> {
  let summary = "permutes the dimensions of a tensor";
  let arguments = (ins AnyRankedTensor:$x, AnyRankedTensor:$perm);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $x `,` $perm attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

class CoreAI_MatmulOp<string mnemonic> : CoreAI_Op<mnemonic, [Pure,
    DeclareOpInterfaceMethods<CoreAI_WeightConsumerOpInterface,
                              ["getWeightContraction"]>]> {
  let arguments = (ins AnyRankedTensor:$x, AnyRankedTensor:$y);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $x `,` $y attr-dict `:` functional-type(operands, results)
  }];
}

def CoreAI_BroadcastingBatchMatmulOp
    : CoreAI_MatmulOp<"decomposable.broadcasting_batch_matmul"> {
  let summary = "batched matrix product with broadcasting of batch dims";
}

def CoreAI_BatchMatmulOp : CoreAI_MatmulOp<"batch_matmul"> {
  let summary = "batched matrix product";
}

def CoreAI_Conv2dOp : CoreAI_Op<"conv2d", [Pure,
    DeclareOpInterfaceMethods<CoreAI_WeightConsumerOpInterface,
                              ["getWeightContraction"]>]> {
  let summary = "2-D convolution (weight `[Cout, Cin/groups, KH, KW]`)";
  let arguments = (ins AnyRankedTensor:$x, AnyRankedTensor:$weight,
                       AnyRankedTensor:$strides, AnyRankedTensor:$dilations,
                       AnyRankedTensor:$groups);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $x `,` $weight `,` $strides `,` $dilations `,` $groups attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def CoreAI_GatherNdOp : CoreAI_Op<"gather_nd", [Pure,
    DeclareOpInterfaceMethods<CoreAI_WeightConsumerOpInterface>]> {
  let summary = "gathers slices of `data` (e.g. an embedding table)";
  let arguments = (ins AnyRankedTensor:$data, AnyRankedTensor:$indices);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = [{
    $data `at` $indices attr-dict `:`
    `(` type($data) `,` type($indices) `)` `to` type($result)
  }];
}

//===----------------------------------------------------------------------===//
// Compression ops
//===----------------------------------------------------------------------===//

def CoreAI_CastOp : CoreAI_Op<"cast", [Pure]> {
  let summary = "converts element type and/or relaxes the shape";
  let description = [{
    `coreai.cast %x : tensor<2x3xsi32> to tensor<?x3xf16>`. Identity casts
    (the same type on both sides) are valid.
  }];
  let arguments = (ins AnyTensor:$x);
  let results = (outs AnyTensor:$result);
  let assemblyFormat = "$x attr-dict `:` type($x) `to` type($result)";
  let hasVerifier = 1;
}

def CoreAI_BlockwiseShiftScaleOp : CoreAI_Op<"blockwise_shift_scale", [Pure,
    CoreAI_WeightDecoderOpInterface]> {
  let summary = "`(data - offset1) * scale + offset2`, parameters per block";
  let description = [{
    `scale`, `offset1` and `offset2` have the rank of `data` and one shape;
    each of their dims divides the data's, and they are expanded over
    contiguous blocks. `offset1` has the data's element type, `offset2` the
    result's; `scale` has the result's element type or f8E8M0FNU (MX).
  }];
  let arguments = (ins CoreAI_QuantizedTensor:$data,
                       CoreAI_FloatTensor:$scale,
                       CoreAI_QuantizedTensor:$offset1,
                       CoreAI_FloatTensor:$offset2);
  let results = (outs CoreAI_FloatTensor:$result);
  let assemblyFormat = [{
    $data `,` $scale `,` $offset1 `,` $offset2 attr-dict `:`
    functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def CoreAI_LutToDenseOp : CoreAI_Op<"lut_to_dense", [Pure,
    CoreAI_WeightDecoderOpInterface]> {
  let summary = "looks indices up in per-block palettes";
  let description = [{
    `indices` is `ui<b>` of rank K; `lut` has rank K+2, shape
    `[G0, ..., G(K-1), 2^b, V]` where each Gi divides the indices' dim i;
    `axis` is a scalar `tensor<si16>` constant, used when V > 1: the result
    has the LUT's element type and the indices' shape with dim `axis`
    multiplied by V.
  }];
  let arguments = (ins CoreAI_IndexTensor:$indices,
                       CoreAI_PayloadTensor:$lut, CoreAI_AxisTensor:$axis);
  let results = (outs CoreAI_PayloadTensor:$result);
  let assemblyFormat = [{
    $indices `,` $lut `,` $axis attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def CoreAI_BuildSparseWithBitmaskOp
    : CoreAI_Op<"build_sparse_with_bitmask", [Pure,
        CoreAI_WeightDecoderOpInterface]> {
  let summary = "pairs 1-D non-zero values with a `ui1` mask";
  let arguments = (ins CoreAI_SparseValuesTensor:$values,
                       CoreAI_MaskTensor:$mask);
  let results = (outs CoreAI_SparseType:$result);
  let assemblyFormat = [{
    $values `,` $mask attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def CoreAI_SparseWithBitmaskToDenseOp
    : CoreAI_Op<"sparse_with_bitmask_to_dense", [Pure,
        CoreAI_WeightDecoderOpInterface]> {
  let summary = "scatters the values in row-major order where the mask is 1";
  let arguments = (ins CoreAI_SparseType:$sparse);
  let results = (outs CoreAI_PayloadTensor:$result);
  let assemblyFormat = [{
    $sparse attr-dict `:` qualified(type($sparse)) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Region ops (their syntax cannot be kept by the generic path)
//===----------------------------------------------------------------------===//

def CoreAI_IfOp : CoreAI_Op<"if", [
    RecursiveMemoryEffects, NoRegionArguments]> {
  let summary = "runs one of two regions on a boolean scalar";
  let arguments = (ins AnyRankedTensor:$condition);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$thenRegion, AnyRegion:$elseRegion);
  let assemblyFormat = [{
    $condition $thenRegion (`else` $elseRegion^)? attr-dict `:`
    type($condition) custom<ArrowTypes>(type($results))
  }];
}

def CoreAI_WhileOp : CoreAI_Op<"while", [RecursiveMemoryEffects]> {
  let summary = "loops while the `before` region's condition holds";
  let arguments = (ins Variadic<AnyType>:$inits);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$before, SizedRegion<1>:$after);
  let assemblyFormat = [{
    $inits $before `do` $after attr-dict `:`
    functional-type($inits, $results)
  }];
}

def CoreAI_ScatterNdOp : CoreAI_Op<"scatter_nd", [RecursiveMemoryEffects]> {
  let summary = "scatters updates, combining with a region";
  let arguments = (ins AnyRankedTensor:$data, AnyRankedTensor:$updates,
                       AnyRankedTensor:$indices);
  let results = (outs AnyRankedTensor:$result);
  let regions = (region SizedRegion<1>:$combiner);
  let assemblyFormat = [{
    $data `with` $updates `at` $indices $combiner attr-dict `:`
    `(` type($data) `,` type($updates) `,` type($indices) `)` `to`
    type($result)
  }];
}

def CoreAI_YieldOp : CoreAI_Op<"yield", [
    Pure, ReturnLike, Terminator,
    ParentOneOf<["IfOp", "WhileOp", "ScatterNdOp"]>]> {
  let summary = "returns values from a region";
  let arguments = (ins Variadic<AnyType>:$operands);
  let assemblyFormat = "attr-dict ($operands^ `:` type($operands))?";
}

def CoreAI_ConditionOp : CoreAI_Op<"condition", [
    Pure, Terminator, HasParent<"WhileOp">]> {
  let summary = "ends the `before` region of a while loop";
  let arguments = (ins Variadic<AnyType>:$operands);
  let assemblyFormat = "attr-dict ($operands^ `:` type($operands))?";
}

#endif // COREAI_IR_COREAIOPS_TD
