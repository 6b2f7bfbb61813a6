//===- TestVarySplats.cpp - Varied weights from splats, for tests ---------===//

#include "coreai/IR/ConstantData.h"
#include "coreai/IR/CoreAIOps.h"
#include "coreai/Transforms/Passes.h"

#include "mlir/IR/BuiltinAttributes.h"

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
      // Huge splats (tests of the splat rule itself) stay as they are.
      if (!splat || !type || type.getNumElements() < 2 ||
          type.getNumElements() > (int64_t(1) << 26))
        return;
      auto elementType = dyn_cast<FloatType>(type.getElementType());
      if (!elementType ||
          !(elementType.isF16() || elementType.isBF16() || elementType.isF32()))
        return;
      const double v = splat.getSplatValue<APFloat>().convertToDouble();
      std::vector<double> values(type.getNumElements());
      for (size_t i = 0; i < values.size(); ++i)
        values[i] = v * (1 + double(i * 7919 % 17) / 16);
      if (v == 0 || !std::isfinite(v))
        values[0] = v == 0 ? 1.0 : 0.0;
      // In a resource blob: printed once at the end, elided in diagnostics.
      EncodedElements encoded;
      std::string error;
      if (!encodeElements(elementType, values, encoded, error))
        return;
      encoded.form = EncodedElements::Form::Resource;
      op.setValueAttr(buildElementsAttr(type, std::move(encoded)));
    });
  }
};
} // namespace
