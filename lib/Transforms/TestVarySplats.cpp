//===- TestVarySplats.cpp - Varied weights from splats, for tests ---------===//

#include "coreai/IR/CoreAIOps.h"
#include "coreai/Transforms/Passes.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/APFloat.h"

#include <cmath>
#include <vector>

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAITESTVARYSPLATSPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {
struct TestVarySplatsPass
    : public coreai::impl::CoreAITestVarySplatsPassBase<TestVarySplatsPass> {
  void runOnOperation() override {
    getOperation().walk([](ConstantOp op) {
      auto splat = dyn_cast<SplatElementsAttr>(op.getValue());
      auto type = dyn_cast<RankedTensorType>(op.getType());
      if (!splat || !type || type.getNumElements() < 2)
        return;
      auto elementType = dyn_cast<FloatType>(type.getElementType());
      if (!elementType ||
          !(elementType.isF16() || elementType.isBF16() || elementType.isF32()))
        return;
      const double v = splat.getSplatValue<APFloat>().convertToDouble();
      const llvm::fltSemantics &semantics = elementType.getFloatSemantics();
      auto make = [&](double x) {
        bool lost;
        APFloat value(x);
        value.convert(semantics, APFloat::rmNearestTiesToEven, &lost);
        return value;
      };
      // Little-endian storage, one element after another, in a resource
      // blob (printed once at the end, elided in diagnostics).
      const size_t width = elementType.getWidth() / 8;
      std::vector<char> bytes(type.getNumElements() * width);
      for (int64_t i = 0; i < type.getNumElements(); ++i) {
        double x = v * (1 + double(i * 7919 % 17) / 16);
        if (i == 0 && (v == 0 || !std::isfinite(v)))
          x = v == 0 ? 1.0 : 0.0;
        uint64_t bits = make(x).bitcastToAPInt().getZExtValue();
        for (size_t b = 0; b < width; ++b)
          bytes[i * width + b] = char(bits >> (8 * b));
      }
      AsmResourceBlob blob = HeapAsmResourceBlob::allocateAndCopyWithAlign(
          bytes, alignof(uint64_t));
      op.setValueAttr(
          DenseResourceElementsAttr::get(type, "varied", std::move(blob)));
    });
  }
};
} // namespace
