//===- CoreAIInterfaces.td - Weight consumer interfaces ----*- tablegen -*-===//
//
// Passes ask these interfaces which operands are weights and along which axes
// their channels run; they never list op names.
//
//===----------------------------------------------------------------------===//

#ifndef COREAI_IR_COREAIINTERFACES_TD
#define COREAI_IR_COREAIINTERFACES_TD

include "mlir/IR/OpBase.td"

def CoreAI_WeightConsumerOpInterface : OpInterface<"WeightConsumerOpInterface"> {
  let cppNamespace = "::mlir::coreai";
  let description = [{
    An operation that takes weights (constant tensors worth compressing) as
    some of its operands. For each weight operand it names the output- and
    input-channel axes, possibly negative (counted from the back).
  }];
  let methods = [
    InterfaceMethod<[{
        Returns the channel axes of operand `operandIndex` when that operand is
        a weight, std::nullopt otherwise.
      }],
      "std::optional<::mlir::coreai::WeightAxes>", "getWeightAxes",
      (ins "unsigned":$operandIndex)>,
    InterfaceMethod<[{
        Returns how the op contracts weight operand `operandIndex` with its
        data input (which operand, along which axis, through which window),
        or std::nullopt when it does not contract it (a gather) or the
        window is not known statically. Activation statistics are gathered
        over that contraction.
      }],
      "std::optional<::mlir::coreai::WeightContraction>",
      "getWeightContraction", (ins "unsigned":$operandIndex), [{}],
      [{ return std::nullopt; }]>,
  ];
}

def CoreAI_WeightLookThroughOpInterface
    : OpInterface<"WeightLookThroughOpInterface"> {
  let cppNamespace = "::mlir::coreai";
  let description = [{
    An operation that rearranges a weight on its way to the consumers (e.g.
    `coreai.transpose`). Candidate selection looks through it: the channel
    axes are those its users see, mapped back to the source.
  }];
  let methods = [
    InterfaceMethod<"Returns the operand that is looked through.",
      "::mlir::OpOperand &", "getLookThroughOperand">,
    InterfaceMethod<[{
        Maps a non-negative axis of the result to the axis of the looked
        through operand, or std::nullopt when that is not known statically.
      }],
      "std::optional<int64_t>", "mapResultAxisToSource", (ins "int64_t":$axis)>,
  ];
}

def CoreAI_WeightDecoderOpInterface : OpInterface<"WeightDecoderOpInterface"> {
  let cppNamespace = "::mlir::coreai";
  let description = [{
    An operation that decodes compressed weight data (quantized values,
    palette indices, LUTs, masks, scales). Constants that feed one are already
    compressed data and are never compressed again.
  }];
  let methods = [
    InterfaceMethod<[{
        Returns true when operand `operandIndex` holds encoded weight data or
        its parameters (every operand, for the ops of this project).
      }],
      "bool", "isEncodedOperand", (ins "unsigned":$operandIndex), [{}],
      [{ return operandIndex < $_op->getNumOperands(); }]>,
  ];
}

#endif // COREAI_IR_COREAIINTERFACES_TD
