//===- CoreAITypes.td - Core AI types and attributes -------*- tablegen -*-===//

#ifndef COREAI_IR_COREAITYPES_TD
#define COREAI_IR_COREAITYPES_TD

include "coreai/IR/CoreAIBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

class CoreAI_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<CoreAI_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def CoreAI_HandleType : CoreAI_Type<"Handle", "handle"> {
  let summary = "a stateful buffer passed to a graph";
  let description = [{
    `!coreai.handle<tensor<1x4xf32>>` is a mutable state buffer. Inside the
    type lists of operations it prints stripped, as `<tensor<1x4xf32>>`.
  }];
  let parameters = (ins "::mlir::Type":$valueType);
  let assemblyFormat = "`<` $valueType `>`";
}

def CoreAI_TokenType : CoreAI_Type<"Token", "token"> {
  let summary = "an ordering token for stateful operations";
}

// The result type of `coreai.build_sparse_with_bitmask` is not visible in any
// public Core AI text. It is defined here, and only here, so that its spelling
// can follow the real toolchain once that is known.
def CoreAI_SparseType : CoreAI_Type<"SparseWithBitmask", "sparse_with_bitmask"> {
  let summary = "non-zero values scattered by a bitmask";
  let description = [{
    The value of `coreai.build_sparse_with_bitmask`: `denseType` is the tensor
    that `coreai.sparse_with_bitmask_to_dense` produces (the mask's shape with
    the values' element type).
  }];
  let parameters = (ins "::mlir::RankedTensorType":$denseType);
  let assemblyFormat = "`<` $denseType `>`";
}

// `!coreai.<anything else>`: kept verbatim so that types this project does not
// model survive a round trip.
def CoreAI_OpaqueType : TypeDef<CoreAI_Dialect, "Opaque"> {
  let summary = "a `!coreai.*` type this project does not model";
  let parameters = (ins StringRefParameter<"the full spelling after `!coreai.`">:$spec);
  let typeName = "coreai.opaque";
}

// `#coreai.<anything>` (composite declarations, interpolation modes, ...):
// kept verbatim.
def CoreAI_OpaqueAttr : AttrDef<CoreAI_Dialect, "Opaque"> {
  let summary = "a `#coreai.*` attribute kept verbatim";
  let parameters = (ins StringRefParameter<"the full spelling after `#coreai.`">:$spec);
  let attrName = "coreai.opaque";
}


//===----------------------------------------------------------------------===//
// Type constraints of the compression ops
//===----------------------------------------------------------------------===//

def CoreAI_PayloadElement
    : AnyTypeOf<[UI8, SI8, F8E5M2, F8E4M3FN, BF16, F16, F32],
                "ui8, si8, f8E5M2, f8E4M3FN, bf16, f16 or f32">;
def CoreAI_IndexElement
    : AnyTypeOf<[UI1, UI<2>, UI<3>, UI<4>, UI<6>, UI8],
                "ui1, ui2, ui3, ui4, ui6 or ui8">;

/// Quantized data and its offset: integers or narrow floats.
def CoreAI_QuantizedTensor : StaticShapeTensorOf<[AnyInteger, AnyFloat]>;
/// Scales, offsets and dequantized values.
def CoreAI_FloatTensor : StaticShapeTensorOf<[AnyFloat]>;
/// Palette indices.
def CoreAI_IndexTensor : StaticShapeTensorOf<[CoreAI_IndexElement]>;
/// LUT entries, sparse values and what they decode to.
def CoreAI_PayloadTensor : StaticShapeTensorOf<[CoreAI_PayloadElement]>;
/// The scalar axis of `coreai.lut_to_dense`.
def CoreAI_AxisTensor : 0DTensorOf<[SI16]>;
/// The 1-D non-zero values of a sparse weight.
def CoreAI_SparseValuesTensor
    : Type<And<[CoreAI_PayloadTensor.predicate, HasAnyRankOfPred<[1]>]>,
           "1-D statically shaped tensor of ui8, si8, f8E5M2, f8E4M3FN, bf16, "
           "f16 or f32 values", "::mlir::TensorType">;
/// The bit mask of a sparse weight.
def CoreAI_MaskTensor : StaticShapeTensorOf<[UI1]>;

#endif // COREAI_IR_COREAITYPES_TD
