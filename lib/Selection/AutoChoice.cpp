//===- AutoChoice.cpp - Measuring candidate schemes per weight ------------===//

#include "coreai/Selection/AutoChoice.h"
#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/Compression/Buffer.h"
#include "coreai/Compression/Gptq.h"
#include "coreai/Compression/LossPlans.h"
#include "coreai/Compression/Metrics.h"
#include "coreai/Compression/MixedPrecision.h"
#include "coreai/Compression/Parallel.h"
#include "coreai/Schemes/WeightSchemes.h"
#include "coreai/Selection/Sensitivity.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

#include "llvm/Support/Format.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::coreai;

namespace {

using Diag = function_ref<InFlightDiagnostic()>;
using SchemeOrFailure = FailureOr<std::unique_ptr<WeightScheme>>;

/// Which default ladder lists a catalog entry.
enum class Ladder {
  /// Both, with and without activation statistics.
  Default,
  /// Only with statistics (below 4 bits, or blocks that fit more weights:
  /// with GPTQ they keep models that plain rounding breaks).
  Statistics,
  /// Neither: chosen by name only.
  None,
};

struct CatalogEntry {
  StringRef name;
  /// What it stands for, in the options of the single passes.
  StringRef options;
  Ladder ladder;
  SchemeOrFailure (*create)(Diag);
};

SchemeOrFailure quantize(QuantDtype dtype, Granularity granularity,
                         bool asymmetric, bool fullRange, Diag diag,
                         uint64_t blockSize = 32) {
  CoreAIQuantizeWeightsPassOptions options;
  options.dtype = dtype;
  options.granularity = granularity;
  options.blockSize = blockSize;
  if (asymmetric)
    options.qscheme = QScheme::Asymmetric;
  if (fullRange)
    options.symmetricRange = SymmetricRange::Full;
  return createQuantizeScheme(options, diag);
}

SchemeOrFailure palettize(uint64_t bits, Granularity granularity, Diag diag) {
  CoreAIPalettizeWeightsPassOptions options;
  options.nBits = bits;
  options.granularity = granularity;
  options.groupSize = 16;
  return createPalettizeScheme(options, diag);
}

// Bits per weight of an f16 weight with K input channels in the comments.
const CatalogEntry kCatalog[] = {
    // 4 + 256/(16K): one 16-entry LUT per 16 output channels.
    {"lut4-group16",
     "coreai-palettize-weights{n-bits=4 granularity=per_grouped_channel "
     "group-size=16}",
     Ladder::Default,
     [](Diag d) { return palettize(4, Granularity::PerGroupedChannel, d); }},
    // 4 + 256/K.
    {"lut4-channel",
     "coreai-palettize-weights{n-bits=4 granularity=per_channel}",
     Ladder::Default,
     [](Diag d) { return palettize(4, Granularity::PerChannel, d); }},
    // 4 + 16/K.
    {"int4-channel",
     "coreai-quantize-weights{dtype=int4 granularity=per_channel "
     "symmetric-range=full}",
     Ladder::Default,
     [](Diag d) {
       return quantize(QuantDtype::Int4, Granularity::PerChannel, false, true,
                       d);
     }},
    // 4.5.
    {"int4-block32",
     "coreai-quantize-weights{dtype=int4 granularity=per_block block-size=32 "
     "symmetric-range=full}",
     Ladder::Default,
     [](Diag d) {
       return quantize(QuantDtype::Int4, Granularity::PerBlock, false, true, d);
     }},
    // 4.625.
    {"uint4-block32",
     "coreai-quantize-weights{dtype=uint4 qscheme=asymmetric "
     "granularity=per_block block-size=32}",
     Ladder::Default,
     [](Diag d) {
       return quantize(QuantDtype::UInt4, Granularity::PerBlock, true, false,
                       d);
     }},
    // 6 + 1024/(16K).
    {"lut6-group16",
     "coreai-palettize-weights{n-bits=6 granularity=per_grouped_channel "
     "group-size=16}",
     Ladder::Default,
     [](Diag d) { return palettize(6, Granularity::PerGroupedChannel, d); }},
    // 8 + 16/K.
    {"int8-channel",
     "coreai-quantize-weights{dtype=int8 granularity=per_channel}",
     Ladder::Default,
     [](Diag d) {
       return quantize(QuantDtype::Int8, Granularity::PerChannel, false, false,
                       d);
     }},
    // With statistics: 3 and 2 bits, GPTQ assignment. 3 + 128/(16K).
    {"lut3-group16",
     "coreai-palettize-weights{n-bits=3 granularity=per_grouped_channel "
     "group-size=16}",
     Ladder::Statistics,
     [](Diag d) { return palettize(3, Granularity::PerGroupedChannel, d); }},
    // 3 + 128/K.
    {"lut3-channel",
     "coreai-palettize-weights{n-bits=3 granularity=per_channel}",
     Ladder::Statistics,
     [](Diag d) { return palettize(3, Granularity::PerChannel, d); }},
    // 2 + 64/(16K).
    {"lut2-group16",
     "coreai-palettize-weights{n-bits=2 granularity=per_grouped_channel "
     "group-size=16}",
     Ladder::Statistics,
     [](Diag d) { return palettize(2, Granularity::PerGroupedChannel, d); }},
    // 2 + 64/K.
    {"lut2-channel",
     "coreai-palettize-weights{n-bits=2 granularity=per_channel}",
     Ladder::Statistics,
     [](Diag d) { return palettize(2, Granularity::PerChannel, d); }},
    // 5 and 6: blocks for input axes that 32 does not divide (48, 120, ...).
    {"int4-block16",
     "coreai-quantize-weights{dtype=int4 granularity=per_block block-size=16 "
     "symmetric-range=full}",
     Ladder::Statistics,
     [](Diag d) {
       return quantize(QuantDtype::Int4, Granularity::PerBlock, false, true, d,
                       16);
     }},
    {"int4-block8",
     "coreai-quantize-weights{dtype=int4 granularity=per_block block-size=8 "
     "symmetric-range=full}",
     Ladder::Statistics,
     [](Diag d) {
       return quantize(QuantDtype::Int4, Granularity::PerBlock, false, true, d,
                       8);
     }},
    // 6 + 1024/K: better than grouped, five times slower to fit.
    {"lut6-channel",
     "coreai-palettize-weights{n-bits=6 granularity=per_channel}", Ladder::None,
     [](Diag d) { return palettize(6, Granularity::PerChannel, d); }},
    // One LUT for the whole tensor.
    {"lut4-tensor", "coreai-palettize-weights{n-bits=4}", Ladder::None,
     [](Diag d) { return palettize(4, Granularity::PerTensor, d); }},
    {"lut8-tensor", "coreai-palettize-weights{n-bits=8}", Ladder::None,
     [](Diag d) { return palettize(8, Granularity::PerTensor, d); }},
};

/// The catalog's names, those of ladders up to `widest` only.
std::vector<StringRef> collectNames(Ladder widest) {
  std::vector<StringRef> names;
  for (const CatalogEntry &entry : kCatalog)
    if (entry.ladder <= widest)
      names.push_back(entry.name);
  return names;
}

const CatalogEntry *findEntry(StringRef name) {
  for (const CatalogEntry &entry : kCatalog)
    if (entry.name == name)
      return &entry;
  return nullptr;
}

} // namespace

ArrayRef<StringRef> mlir::coreai::getCandidateNames() {
  static const std::vector<StringRef> names = collectNames(Ladder::None);
  return names;
}

ArrayRef<StringRef> mlir::coreai::getDefaultCandidateNames(bool statistics) {
  static const std::vector<StringRef> names = collectNames(Ladder::Default);
  static const std::vector<StringRef> withStatistics =
      collectNames(Ladder::Statistics);
  return statistics ? withStatistics : names;
}

StringRef mlir::coreai::describeCandidate(StringRef name) {
  const CatalogEntry *entry = findEntry(name);
  return entry ? entry->options : StringRef();
}

FailureOr<CandidateScheme>
mlir::coreai::createNamedCandidate(StringRef name,
                                   function_ref<InFlightDiagnostic()> diag) {
  const CatalogEntry *entry = findEntry(name);
  if (!entry)
    return diag() << "unknown candidate '" << name << "'; expected one of "
                  << llvm::join(getCandidateNames(), ", ");
  SchemeOrFailure scheme = entry->create(diag);
  if (failed(scheme))
    return failure();
  return CandidateScheme{name.str(), std::move(*scheme)};
}

namespace {

/// Compresses `weight` with `scheme` and measures the result against
/// `reference`.
void measureOne(const WeightCandidate &weight, ElementsAttr value,
                const WeightScheme &scheme, ArrayRef<double> reference,
                unsigned threads, CandidateMeasure &measure, std::string &error,
                std::vector<float> *keep) {
  std::optional<WeightPayload> payload =
      WeightPayload::open(value, weight.getType().getElementType(),
                          scheme.getHalfBits(weight), error);
  if (!payload)
    return;
  WeightWorkStatus status;
  std::unique_ptr<WeightEncoding> encoding =
      scheme.compute(weight, *payload, threads, status);
  if (!status.error.empty()) {
    error = status.error;
    return;
  }
  if (!encoding) {
    measure.skipReason = status.skipReason;
    return;
  }
  const int64_t dense = getDenseBytes(weight.getType());
  if (encoding->getStoredBytes() >= dense) {
    measure.skipReason = getNotSmallerReason(encoding->getStoredBytes(), dense,
                                             scheme.getLeftAs());
    return;
  }
  WeightChain chain;
  scheme.describe(weight, *encoding, chain);
  std::vector<double> decoded;
  if (!evaluateChain(chain, decoded, error, threads))
    return;
  if (decoded.size() != reference.size()) {
    error = "the decoder chain gives " + std::to_string(decoded.size()) +
            " elements for a weight of " + std::to_string(reference.size());
    return;
  }
  measure.bytes = encoding->getStoredBytes();
  measure.sqnrDb = compareValues(reference, decoded).getSqnrDb();
  ArrayRef<int64_t> shape = weight.getShape();
  measure.worstChannelSqnrDb =
      shape.empty() ? measure.sqnrDb
                    : getWorstSqnrDb(compareChannels(reference, decoded, shape,
                                                     weight.axes.out));
  // With activation statistics, what the consumer's output holds: each
  // output channel's w H w^T over dw H dw^T.
  std::vector<ErrorStats> channels;
  if (weight.statistics && !shape.empty() &&
      compareOutputChannels(shape, weight.axes.out, *weight.statistics,
                            reference, decoded, channels)) {
    ErrorStats total;
    for (const ErrorStats &channel : channels)
      total.merge(channel);
    measure.sqnrDb = total.getSqnrDb();
    measure.worstChannelSqnrDb = getWorstSqnrDb(channels);
  }
  // The decoded values are in the weight's element type (f16, bf16 or
  // f32): f32 holds them exactly.
  if (keep)
    keep->assign(decoded.begin(), decoded.end());
}

} // namespace

FailureOr<std::vector<std::vector<CandidateMeasure>>>
mlir::coreai::measureCandidates(
    ArrayRef<WeightCandidate> weights,
    ArrayRef<SmallVector<const WeightScheme *>> schemes, unsigned threads,
    std::vector<std::vector<std::vector<float>>> *decoded) {
  std::vector<std::vector<CandidateMeasure>> measures(weights.size());
  if (decoded) {
    decoded->assign(weights.size(), {});
    for (size_t w = 0; w < weights.size(); ++w)
      (*decoded)[w].resize(schemes[w].size());
  }
  std::vector<ElementsAttr> values;
  values.reserve(weights.size());
  // What needs the IR thread: the payload attributes and the reasons. A
  // measurement holds the weight in f64 several times over (the reference,
  // the decoded chain and its intermediates): a weight for which that
  // cannot fit in memory is not measured.
  const uint64_t memory = getPhysicalMemoryBytes();
  for (size_t w = 0; w < weights.size(); ++w) {
    values.push_back(ConstantOp(weights[w].op).getValue());
    const uint64_t working =
        8 * 4 * uint64_t(weights[w].getType().getNumElements());
    for (const WeightScheme *scheme : schemes[w]) {
      std::string reason = scheme->getSkipReason(weights[w]);
      if (reason.empty() && working > memory)
        reason = "measuring it needs " + std::to_string(working >> 20) +
                 " MiB, more than this machine's " +
                 std::to_string(memory >> 20) + " MiB; left " +
                 scheme->getLeftAs().str();
      measures[w].push_back({reason});
    }
  }
  std::vector<std::string> errors(weights.size());
  parallelFor(threads, weights.size(), [&](int64_t w) {
    const WeightCandidate &weight = weights[w];
    if (llvm::all_of(measures[w], [](const CandidateMeasure &m) {
          return !m.skipReason.empty();
        }))
      return;
    std::vector<double> reference(weight.getType().getNumElements());
    if (!readElements(values[w], reference, errors[w], threads))
      return;
    const bool finite =
        llvm::all_of(reference, [](double v) { return std::isfinite(v); });
    std::vector<std::string> schemeErrors(schemes[w].size());
    parallelFor(threads, schemes[w].size(), [&](int64_t s) {
      CandidateMeasure &measure = measures[w][s];
      if (!measure.skipReason.empty())
        return;
      if (!finite) {
        measure.skipReason = getNonFiniteSkipReason(schemes[w][s]->getLeftAs());
        return;
      }
      measureOne(weight, values[w], *schemes[w][s], reference, threads, measure,
                 schemeErrors[s], decoded ? &(*decoded)[w][s] : nullptr);
    });
    for (std::string &error : schemeErrors)
      if (errors[w].empty() && !error.empty())
        errors[w] = std::move(error);
  });
  bool failed = false;
  for (size_t w = 0; w < weights.size(); ++w)
    if (!errors[w].empty()) {
      ConstantOp(weights[w].op).emitError(errors[w]);
      failed = true;
    }
  if (failed)
    return failure();
  return measures;
}

namespace {

/// `value` as printf's `format` prints it.
std::string formatNumber(const char *format, double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format(format, value);
  return text;
}

} // namespace

namespace {

/// The sensitivity mode's choice: each automatic weight's options priced by
/// the table's measured loss increases (dense at no increase), and the
/// least-loss plan within the budget (LossPlans.h). Fills the plan's loss
/// figures.
FailureOr<std::vector<size_t>> chooseBySensitivity(
    ModuleOp module, const WeightAnalysis &analysis,
    ArrayRef<WeightCandidate> automatic, ArrayRef<std::string> names,
    const std::vector<std::vector<CandidateMeasure>> &measures,
    const std::vector<std::vector<StorageOption>> &options,
    const std::vector<std::vector<size_t>> &schemeOf, double fixedBits,
    double elements, const AutomaticTarget &target, AutomaticPlan &plan) {
  const SensitivityTable &table = *target.sensitivity;
  DenseMap<Operation *, int64_t> ids = getWeightIds(analysis);
  std::vector<std::vector<LossOption>> lossOptions(automatic.size());
  std::vector<std::vector<size_t>> optionOf(automatic.size());
  for (auto [w, weight] : llvm::enumerate(automatic)) {
    const int64_t id = ids.lookup(weight.op);
    const WeightSensitivity *entry = table.find(id);
    ConstantOp constant = weight.op;
    if (!entry)
      return constant.emitError()
             << "option 'sensitivity': weight #" << id
             << " is not in the table (it was measured on another program "
                "or with another weight threshold)";
    std::string sha = getPayloadSha256(constant.getValue());
    if (sha != entry->sha256)
      return constant.emitError()
             << "option 'sensitivity': weight #" << id
             << " does not match the table (SHA-256 of its payload " << sha
             << ", the table's " << entry->sha256
             << "): the table was measured on another program";
    for (size_t k = 0; k + 1 < options[w].size(); ++k) {
      const CandidateMeasure &m = measures[w][schemeOf[w][k]];
      auto loss = entry->lossIncrease.find(names[schemeOf[w][k]]);
      if (loss == entry->lossIncrease.end() ||
          m.worstChannelSqnrDb < target.minSqnrDb)
        continue;
      lossOptions[w].push_back({options[w][k].bits, loss->second});
      optionOf[w].push_back(k);
    }
    lossOptions[w].push_back({options[w].back().bits, 0.0});
    optionOf[w].push_back(options[w].size() - 1);
  }
  // Entries for weights the program lacks: a table of another program (as
  // Python's SensitivityTable.check says).
  llvm::DenseSet<int64_t> programIds;
  for (auto &entry : ids)
    programIds.insert(entry.second);
  for (const WeightSensitivity &entry : table.weights)
    if (!programIds.contains(entry.id))
      return module.emitError()
             << "option 'sensitivity': the table has weight #" << entry.id
             << ", which this program does not have";
  const double perWeight = std::max(elements, 1.0);
  LossPlanOptions planning;
  planning.maxLossPerWeight = target.maxLossPerWeight;
  // Rounding moves no plan by more than 0.001 bits per weight.
  planning.resolutionBits = 1e-3 * perWeight;
  const double cheapest = fixedBits + getCheapestBits(lossOptions);
  std::vector<double> budgets = {*target.bitsPerWeight * elements - fixedBits};
  if (target.listPlans) {
    // Budgets from the cheapest plan to the least loss, 0.01 bits per weight
    // apart.
    const double last = (fixedBits + getLeastLossBits(lossOptions)) / perWeight;
    for (double bpw = cheapest / perWeight;;) {
      budgets.push_back(std::min(bpw, last) * elements - fixedBits);
      if (bpw >= last)
        break;
      bpw = (std::floor(bpw * 100 + 1e-9) + 1) / 100;
    }
  }
  std::vector<std::optional<LossPlan>> plans =
      planLeastLoss(lossOptions, budgets, planning);
  if (!plans.front()) {
    InFlightDiagnostic diag =
        emitError(module.getLoc())
        << "option 'bits-per-weight': "
        << formatNumber("%g", *target.bitsPerWeight)
        << " bits per weight cannot be reached; with every weight at its "
           "cheapest candidate the program takes "
        << formatNumber("%.3f", cheapest / perWeight) << " bits per weight";
    // Weights the table leaves dense: its candidates do not apply to them
    // (or were not measured on them).
    size_t dense =
        llvm::count_if(lossOptions, [](const std::vector<LossOption> &o) {
          return o.size() == 1;
        });
    if (dense)
      diag << "; " << dense << " of " << lossOptions.size()
           << " weights have no candidate of the table ("
           << llvm::join(table.candidates, ", ")
           << ") that applies and was measured, and stay dense";
    return diag;
  }
  for (size_t k = 1; k < plans.size(); ++k) {
    if (!plans[k])
      continue;
    // Only plans that lower the excess over the threshold or else the loss:
    // the budget of each is the least that gives it.
    if (!plan.plans.empty()) {
      const PlanSummary &last = plan.plans.back();
      if (!(plans[k]->excess < last.excess ||
            (plans[k]->excess == last.excess &&
             plans[k]->loss < last.predictedLoss)))
        continue;
    }
    plan.plans.push_back({(fixedBits + budgets[k]) / perWeight,
                          (fixedBits + plans[k]->bits) / perWeight,
                          plans[k]->loss, plans[k]->excess});
  }
  const LossPlan &chosen = *plans.front();
  plan.sensitivity = true;
  plan.predictedLoss = chosen.loss;
  plan.excess = chosen.excess;
  plan.exact = chosen.exact;
  std::vector<size_t> choice(automatic.size());
  for (size_t w = 0; w < automatic.size(); ++w) {
    const LossOption &option = lossOptions[w][chosen.choice[w]];
    choice[w] = optionOf[w][chosen.choice[w]];
    std::string line;
    llvm::raw_string_ostream os(line);
    const int64_t id = ids.lookup(automatic[w].op);
    os << "#" << id << " " << analysis.getWeights()[id].location;
    if (choice[w] + 1 == options[w].size())
      os << ": dense";
    else
      os << ": " << names[schemeOf[w][choice[w]]] << ", measured loss increase "
         << formatNumber("%.6g", option.loss);
    if (option.loss > target.maxLossPerWeight) {
      os << " (above max-loss-increase-per-weight by "
         << formatNumber("%.6g", option.loss - target.maxLossPerWeight) << ")";
      ++plan.overThreshold;
    }
    plan.lossLines.push_back(std::move(line));
  }
  return choice;
}

} // namespace

FailureOr<AutomaticPlan> mlir::coreai::planAutomaticChoice(
    ModuleOp module, const WeightAnalysis &analysis,
    ArrayRef<WeightCandidate> automatic, ArrayRef<const WeightScheme *> ladder,
    ArrayRef<std::string> names, const AutomaticTarget &target,
    SmallVectorImpl<WeightAssignment> &weights, unsigned threads) {
  AutomaticPlan plan;
  DenseMap<Operation *, std::string> &kept = plan.kept;
  // The weights a rule compresses count with the bytes of their scheme:
  // measure those too.
  SmallVector<WeightCandidate> measured(automatic.begin(), automatic.end());
  SmallVector<SmallVector<const WeightScheme *>> schemes(
      automatic.size(), SmallVector<const WeightScheme *>(ladder));
  for (WeightAssignment &fixed : weights) {
    measured.push_back(fixed.candidate);
    schemes.push_back({fixed.scheme});
  }
  FailureOr<std::vector<std::vector<CandidateMeasure>>> measures =
      measureCandidates(measured, schemes, threads);
  if (failed(measures))
    return failure();

  // Every weight operand the report lists counts, at the bytes it stores
  // unless its constant is one of the measured weights.
  DenseMap<Operation *, size_t> index;
  for (auto [i, weight] : llvm::enumerate(measured))
    index[weight.op] = i;
  std::vector<int64_t> uses(measured.size(), 0), denseBytes(measured.size());
  double fixedBits = 0, elements = 0;
  for (const WeightRecord &record : analysis.getWeights()) {
    elements += double(record.type.getNumElements());
    auto it = index.find(record.source.getDefiningOp());
    if (it == index.end()) {
      fixedBits += 8.0 * double(record.bytesAfter);
      continue;
    }
    ++uses[it->second];
    denseBytes[it->second] = record.bytesAfter;
  }
  for (size_t i = automatic.size(); i < measured.size(); ++i) {
    const CandidateMeasure &m = (*measures)[i].front();
    fixedBits += 8.0 * double(uses[i]) *
                 double(m.skipReason.empty() ? m.bytes : denseBytes[i]);
  }

  // The options of each automatic weight: the candidates that apply, then
  // dense.
  std::vector<std::vector<StorageOption>> options(automatic.size());
  std::vector<std::vector<size_t>> schemeOf(automatic.size());
  for (size_t w = 0; w < automatic.size(); ++w) {
    const double count = double(std::max<int64_t>(uses[w], 1));
    for (auto [s, m] : llvm::enumerate((*measures)[w]))
      if (m.skipReason.empty()) {
        options[w].push_back(
            {8.0 * count * double(m.bytes), m.worstChannelSqnrDb});
        schemeOf[w].push_back(s);
      }
    options[w].push_back({8.0 * count * double(denseBytes[w]),
                          std::numeric_limits<double>::infinity()});
  }
  std::vector<size_t> choice;
  if (target.sensitivity) {
    FailureOr<std::vector<size_t>> chosen = chooseBySensitivity(
        module, analysis, automatic, names, *measures, options, schemeOf,
        fixedBits, elements, target, plan);
    if (failed(chosen))
      return failure();
    choice = std::move(*chosen);
  } else if (target.bitsPerWeight) {
    const double allowed = *target.bitsPerWeight * elements;
    std::optional<std::vector<size_t>> within =
        target.objective == AutoObjective::Balanced
            ? chooseBalanced(options, fixedBits, allowed)
        : target.objective == AutoObjective::LeastNoise
            ? chooseLeastNoise(options, fixedBits, allowed)
            : chooseWithinBudget(options, fixedBits, allowed);
    if (!within) {
      std::vector<size_t> cheapest =
          chooseForQuality(options, -std::numeric_limits<double>::infinity());
      return emitError(module.getLoc())
             << "option 'bits-per-weight': "
             << formatNumber("%g", *target.bitsPerWeight)
             << " bits per weight cannot be reached; with every weight at "
                "its cheapest candidate the program takes "
             << formatNumber("%.3f",
                             (fixedBits + getTotalBits(options, cheapest)) /
                                 std::max(elements, 1.0))
             << " bits per weight";
    }
    choice = std::move(*within);
  } else {
    choice = chooseForQuality(options, target.minSqnrDb);
  }

  plan.bitsPerWeight =
      (fixedBits + getTotalBits(options, choice)) / std::max(elements, 1.0);
  for (size_t w = 0; w < automatic.size(); ++w) {
    if (choice[w] + 1 == options[w].size()) {
      // The best candidate that applies, for the reason.
      const CandidateMeasure *best = nullptr;
      size_t bestIndex = 0;
      for (auto [s, m] : llvm::enumerate((*measures)[w]))
        if (m.skipReason.empty() &&
            (!best || m.worstChannelSqnrDb > best->worstChannelSqnrDb)) {
          best = &m;
          bestIndex = s;
        }
      kept[automatic[w].op] =
          best ? "kept dense by the automatic choice (best candidate " +
                     names[bestIndex] + ": worst output channel " +
                     formatNumber("%.2f", best->worstChannelSqnrDb) + " dB)"
               : "no automatic candidate applies (" +
                     (*measures)[w].front().skipReason + ")";
      continue;
    }
    ++plan.compressed;
    plan.worstChannelSqnrDb =
        std::min(plan.worstChannelSqnrDb, options[w][choice[w]].worstSqnrDb);
    weights.push_back({automatic[w], ladder[schemeOf[w][choice[w]]]});
  }
  for (size_t i = automatic.size(); i < measured.size(); ++i)
    if ((*measures)[i].front().skipReason.empty()) {
      ++plan.compressed;
      plan.worstChannelSqnrDb = std::min(
          plan.worstChannelSqnrDb, (*measures)[i].front().worstChannelSqnrDb);
    }
  return plan;
}

void mlir::coreai::printAutomaticSummary(const AutomaticPlan &plan,
                                         std::optional<double> budget,
                                         double targetDb,
                                         llvm::raw_ostream &os) {
  os << "automatic choice: " << llvm::format("%.3f", plan.bitsPerWeight)
     << " bits per weight";
  if (budget)
    os << " (budget " << llvm::format("%.3f", *budget) << ")";
  else
    os << " (target " << llvm::format("%.2f", targetDb) << " dB)";
  if (plan.compressed == 0)
    os << ", no weight compressed\n";
  else
    os << ", worst output channel of a compressed weight "
       << llvm::format("%.2f", plan.worstChannelSqnrDb) << " dB\n";
  if (!plan.sensitivity)
    return;
  os << "sensitivity plan: summed measured loss increase "
     << formatNumber("%.6g", plan.predictedLoss) << ", "
     << (plan.exact ? "exact" : "Lagrangian") << " allocation";
  if (plan.overThreshold)
    os << ", " << plan.overThreshold << " weight"
       << (plan.overThreshold == 1 ? "" : "s")
       << " above max-loss-increase-per-weight (the budget cannot be met "
          "without; the least summed excess, "
       << formatNumber("%.6g", plan.excess) << ")";
  os << "\n";
  for (const std::string &line : plan.lossLines)
    os << "  " << line << "\n";
}
