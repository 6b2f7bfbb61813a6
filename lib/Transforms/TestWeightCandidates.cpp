//===- TestWeightCandidates.cpp - Report the chosen weights ---------------===//

#include "coreai/Transforms/Passes.h"
#include "coreai/Weights/WeightCandidates.h"

namespace mlir {
namespace coreai {
#define GEN_PASS_DEF_COREAITESTWEIGHTCANDIDATESPASS
#include "coreai/Transforms/Passes.h.inc"
} // namespace coreai
} // namespace mlir

using namespace mlir;
using namespace mlir::coreai;

namespace {
struct TestWeightCandidatesPass
    : public coreai::impl::CoreAITestWeightCandidatesPassBase<
          TestWeightCandidatesPass> {
  using Base::Base;

  void runOnOperation() override {
    for (WeightCandidate &candidate :
         collectWeightCandidates(getOperation(), weightNumThreshold))
      candidate.op.emitRemark("weight: output axis ")
          << candidate.axes.out << ", input axis " << candidate.axes.in;
  }
};
} // namespace
