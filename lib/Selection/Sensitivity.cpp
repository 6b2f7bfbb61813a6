//===- Sensitivity.cpp - Measured loss increases per weight ---------------===//

#include "coreai/Selection/Sensitivity.h"
#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/Asset/JsonLimits.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA256.h"

#include <cmath>

using namespace mlir;
using namespace mlir::coreai;

/// Losses lie within +-kMaxLoss, so that a plan's sum of them stays finite
/// (Python's MAX_LOSS).
static constexpr double kMaxLoss = 1e300;

const WeightSensitivity *SensitivityTable::find(int64_t id) const {
  for (const WeightSensitivity &weight : weights)
    if (weight.id == id)
      return &weight;
  return nullptr;
}

FailureOr<SensitivityTable>
mlir::coreai::readSensitivityTable(StringRef path, size_t programWeights,
                                   function_ref<InFlightDiagnostic()> diag) {
  auto fail = [&](const Twine &problem) -> FailureOr<SensitivityTable> {
    return diag() << "option 'sensitivity': " << problem;
  };
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
      llvm::MemoryBuffer::getFile(path);
  if (!file)
    return fail("cannot read '" + path + "': " + file.getError().message());
  if (isJsonNestedDeeperThan((*file)->getBuffer(), kMaxJsonDepth))
    return fail("'" + path + "' is nested deeper than " + Twine(kMaxJsonDepth) +
                " levels");
  // Bounded by the program: its weights' entries, not what the file holds.
  const size_t maxBytes = getMaxSensitivityTableBytes(programWeights);
  if ((*file)->getBufferSize() > maxBytes)
    return fail("'" + path + "' holds " + Twine((*file)->getBufferSize()) +
                " bytes, more than a table for the program's " +
                Twine(programWeights) + " weights can (at most " +
                Twine(maxBytes) + ")");
  const size_t maxContainers = getMaxSensitivityTableContainers(programWeights);
  if (countJsonContainers((*file)->getBuffer(), maxContainers) > maxContainers)
    return fail("'" + path + "' holds more than " + Twine(maxContainers) +
                " arrays and objects, more than a table for the program's " +
                Twine(programWeights) + " weights can");
  llvm::Expected<llvm::json::Value> parsed =
      llvm::json::parse((*file)->getBuffer());
  if (!parsed)
    return fail("'" + path +
                "' is not JSON: " + llvm::toString(parsed.takeError()));
  const llvm::json::Object *root = parsed->getAsObject();
  if (!root || root->getString("format") != "coreai-sensitivity")
    return fail("'" + path +
                "' is not a sensitivity table (its \"format\" must be "
                "\"coreai-sensitivity\")");
  if (root->getInteger("version") != 1)
    return fail("'" + path + "': unsupported \"version\" (expected 1)");
  SensitivityTable table;
  std::optional<double> baseline = root->getNumber("baseline_loss");
  if (!baseline || !(std::fabs(*baseline) <= kMaxLoss))
    return fail("'" + path +
                "': \"baseline_loss\" must be a finite number within +-1e300");
  table.baselineLoss = *baseline;
  const llvm::json::Array *candidates = root->getArray("candidates");
  const llvm::json::Array *weights = root->getArray("weights");
  if (!candidates || !weights)
    return fail("'" + path +
                "' needs the arrays \"candidates\" and \"weights\"");
  for (const llvm::json::Value &name : *candidates) {
    std::optional<StringRef> text = name.getAsString();
    if (!text)
      return fail("'" + path + "': \"candidates\" must hold names");
    table.candidates.push_back(text->str());
  }
  if (table.candidates.empty())
    return fail("'" + path +
                "': \"candidates\" is empty: the table measured no candidate");
  llvm::DenseSet<int64_t> listed;
  for (auto [i, value] : llvm::enumerate(*weights)) {
    std::string where =
        "'" + path.str() + "' weight entry " + std::to_string(i + 1);
    const llvm::json::Object *entry = value.getAsObject();
    std::optional<int64_t> id = entry ? entry->getInteger("id") : std::nullopt;
    std::optional<StringRef> sha =
        entry ? entry->getString("sha256") : std::optional<StringRef>();
    const llvm::json::Object *results =
        entry ? entry->getObject("candidates") : nullptr;
    if (!id || !sha || !results)
      return fail(where + ": needs \"id\", \"sha256\" and \"candidates\"");
    if (!listed.insert(*id).second)
      return fail(where + ": weight #" + Twine(*id) + " is listed twice");
    WeightSensitivity weight;
    weight.id = *id;
    weight.sha256 = sha->str();
    if (std::optional<StringRef> location = entry->getString("location"))
      weight.location = location->str();
    for (const auto &[name, result] : *results) {
      const llvm::json::Object *object = result.getAsObject();
      if (!object)
        return fail(where + ": candidate '" + name.str() +
                    "' must be an object");
      // A candidate that does not apply has a skip reason and no loss.
      if (object->get("skip_reason"))
        continue;
      std::optional<double> loss = object->getNumber("loss_increase");
      if (!loss || !(std::fabs(*loss) <= kMaxLoss))
        return fail(where + ": candidate '" + name.str() +
                    "' needs a finite \"loss_increase\" within +-1e300 "
                    "(plans sum them)");
      weight.lossIncrease[name] = *loss;
    }
    table.weights.push_back(std::move(weight));
  }
  return table;
}
