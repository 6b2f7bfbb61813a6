//===- StatisticsFile.cpp - Activation statistics as safetensors ----------===//
//
// The file: an 8-byte little-endian header length, a JSON header, then raw
// little-endian tensors (the safetensors layout, readable with numpy alone).
// Per input, tensor "<id>" (F64) holds H, [groups, columns, columns], or its
// diagonal, [groups, columns], for the first weight that reads it, and
// "<id>.exact" (I64, the same shape and 2) the exact sums as (integer part,
// fraction in 2^-64 units). "__metadata__" holds the format, its version and
// the entries (JSON in a string: ids, SHA-256s, samples, columns, groups,
// full).
//
//===----------------------------------------------------------------------===//

#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/Asset/AtomicFile.h"
#include "coreai/Asset/JsonLimits.h"
#include "coreai/Compression/Parallel.h"
#include "coreai/Statistics/ActivationStatistics.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::coreai;
namespace json = llvm::json;

static constexpr llvm::StringLiteral kFormat = "coreai-activation-statistics";
/// Headers are small (a few hundred bytes per input): refuse anything that
/// could not come from a real program before parsing it.
static constexpr uint64_t kMaxHeaderBytes = 16 << 20;
static constexpr int kMaxDepth = 16;

/// A header has a few arrays and objects per input: 65536 is far more than
/// a program's, and bounds what llvm::json keeps (about 1-5 KB each).
static constexpr size_t kMaxHeaderContainers = 1 << 16;

static bool nestedTooDeep(llvm::StringRef text) {
  return isJsonNestedDeeperThan(text, kMaxDepth);
}

static bool tooManyContainers(llvm::StringRef text) {
  return countJsonContainers(text, kMaxHeaderContainers) > kMaxHeaderContainers;
}

std::string ActivationStatistics::serialize() const {
  json::Array described;
  json::Object header;
  std::string data;
  for (const StatisticsEntry &entry : entries) {
    if (entry.sums.empty())
      continue;
    std::string name = std::to_string(entry.ids[0]);
    json::Array ids, shas;
    for (int64_t id : entry.ids)
      ids.push_back(id);
    for (const std::string &sha : entry.sha256)
      shas.push_back(sha);
    described.push_back(json::Object{{"tensor", name},
                                     {"ids", std::move(ids)},
                                     {"sha256", std::move(shas)},
                                     {"samples", entry.samples},
                                     {"groups", entry.groups},
                                     {"columns", entry.columns},
                                     {"full", entry.full}});
    json::Array shape{entry.groups, entry.columns};
    if (entry.full)
      shape.push_back(entry.columns);
    json::Array exactShape = shape;
    exactShape.push_back(2);
    size_t begin = data.size();
    for (__int128 v : entry.sums) {
      double d = std::ldexp(static_cast<double>(v), -64);
      char bytes[8];
      llvm::support::endian::write64le(bytes, llvm::bit_cast<uint64_t>(d));
      data.append(bytes, 8);
    }
    header[name] = json::Object{
        {"dtype", "F64"},
        {"shape", std::move(shape)},
        {"data_offsets", json::Array{int64_t(begin), int64_t(data.size())}}};
    begin = data.size();
    for (__int128 v : entry.sums) {
      // Floor division by 2^64: the integer part, then the fraction.
      int64_t whole = static_cast<int64_t>(v >> 64);
      uint64_t fraction = static_cast<uint64_t>(v);
      char bytes[16];
      llvm::support::endian::write64le(bytes, static_cast<uint64_t>(whole));
      llvm::support::endian::write64le(bytes + 8, fraction);
      data.append(bytes, 16);
    }
    header[name + ".exact"] = json::Object{
        {"dtype", "I64"},
        {"shape", std::move(exactShape)},
        {"data_offsets", json::Array{int64_t(begin), int64_t(data.size())}}};
  }
  std::string entriesText;
  llvm::raw_string_ostream(entriesText) << json::Value(std::move(described));
  header["__metadata__"] = json::Object{
      {"format", kFormat}, {"version", "1"}, {"entries", entriesText}};
  std::string headerText;
  llvm::raw_string_ostream(headerText) << json::Value(std::move(header));
  while (headerText.size() % 8)
    headerText.push_back(' ');
  std::string out(8, '\0');
  llvm::support::endian::write64le(out.data(), headerText.size());
  out += headerText;
  out += data;
  return out;
}

bool ActivationStatistics::save(llvm::StringRef path,
                                std::string &error) const {
  auto file = AtomicOutputFile::open(path);
  if (!file) {
    error = llvm::toString(file.takeError());
    return false;
  }
  (*file)->os() << serialize();
  if (llvm::Error e = (*file)->commit()) {
    error = llvm::toString(std::move(e));
    return false;
  }
  return true;
}

bool ActivationStatistics::load(llvm::StringRef bytes, llvm::StringRef name,
                                ActivationStatistics &into, std::string &error,
                                bool gramOnly) {
  auto fail = [&](const llvm::Twine &message) {
    error = (name + ": " + message).str();
    return false;
  };
  if (bytes.size() < 8)
    return fail("not an activation statistics file (too short)");
  uint64_t headerSize = llvm::support::endian::read64le(bytes.data());
  if (headerSize > kMaxHeaderBytes || headerSize > bytes.size() - 8)
    return fail("not an activation statistics file (header of " +
                llvm::Twine(headerSize) + " bytes)");
  llvm::StringRef headerText = bytes.substr(8, headerSize);
  llvm::StringRef data = bytes.substr(8 + headerSize);
  if (nestedTooDeep(headerText))
    return fail("the header is nested deeper than " + llvm::Twine(kMaxDepth) +
                " levels");
  if (tooManyContainers(headerText))
    return fail("the header holds more than " +
                llvm::Twine(kMaxHeaderContainers) + " arrays and objects");
  llvm::Expected<json::Value> header = json::parse(headerText);
  if (!header)
    return fail("the header is not JSON: " +
                llvm::toString(header.takeError()));
  const json::Object *top = header->getAsObject();
  const json::Object *meta = top ? top->getObject("__metadata__") : nullptr;
  if (!meta ||
      meta->getString("format") != std::optional<llvm::StringRef>(kFormat))
    return fail("not an activation statistics file (no \"__metadata__\" of "
                "format \"" +
                kFormat + "\")");
  if (meta->getString("version") != std::optional<llvm::StringRef>("1"))
    return fail("unsupported version of the statistics format");
  std::optional<llvm::StringRef> entriesText = meta->getString("entries");
  if (!entriesText || nestedTooDeep(*entriesText))
    return fail("\"entries\" of \"__metadata__\" is missing or malformed");
  if (tooManyContainers(*entriesText))
    return fail("\"entries\" holds more than " +
                llvm::Twine(kMaxHeaderContainers) + " arrays and objects");
  llvm::Expected<json::Value> entriesValue = json::parse(*entriesText);
  if (!entriesValue)
    return fail("\"entries\" is not JSON: " +
                llvm::toString(entriesValue.takeError()));
  const json::Array *list = entriesValue->getAsArray();
  if (!list)
    return fail("\"entries\" must be an array");
  if (list->size() > into.entries.size())
    return fail("holds " + llvm::Twine(list->size()) +
                " inputs, the program has " + llvm::Twine(into.entries.size()));
  std::vector<bool> seen(into.entries.size(), false);
  for (const json::Value &item : *list) {
    const json::Object *e = item.getAsObject();
    const json::Array *ids = e ? e->getArray("ids") : nullptr;
    const json::Array *shas = e ? e->getArray("sha256") : nullptr;
    std::optional<llvm::StringRef> tensor =
        e ? e->getString("tensor") : std::nullopt;
    std::optional<int64_t> samples =
        e ? e->getInteger("samples") : std::nullopt;
    std::optional<int64_t> groups = e ? e->getInteger("groups") : std::nullopt;
    std::optional<int64_t> columns =
        e ? e->getInteger("columns") : std::nullopt;
    std::optional<bool> full = e ? e->getBoolean("full") : std::nullopt;
    if (!ids || !shas || !tensor || !samples || !groups || !columns || !full ||
        ids->empty() || ids->size() != shas->size() || *samples < 0)
      return fail("an entry needs \"tensor\", \"ids\", \"sha256\" (as many as "
                  "ids), \"samples\", \"groups\", \"columns\" and \"full\"");
    std::optional<int64_t> first = (*ids)[0].getAsInteger();
    StatisticsEntry *entry = first ? into.findMutable(*first) : nullptr;
    if (!entry)
      return fail("weight " + (first ? llvm::Twine(*first) : llvm::Twine("?")) +
                  ": the program has no weight with this id that takes a "
                  "data input");
    size_t index = entry - into.entries.data();
    if (seen[index])
      return fail("weight " + llvm::Twine(*first) + ": listed twice");
    seen[index] = true;
    std::string where =
        "weight " + std::to_string(*first) + " (" + entry->location + ")";
    if (ids->size() != entry->ids.size())
      return fail(where + ": the statistics were gathered for " +
                  llvm::Twine(ids->size()) +
                  " weights reading this input, "
                  "the program has " +
                  llvm::Twine(entry->ids.size()));
    for (size_t i = 0; i < ids->size(); ++i) {
      std::optional<int64_t> id = (*ids)[i].getAsInteger();
      std::optional<llvm::StringRef> sha = (*shas)[i].getAsString();
      if (!id || *id != entry->ids[i] || !sha)
        return fail(where + ": the weights reading this input differ from "
                            "the program's");
      if (*sha != entry->sha256[i])
        return fail("weight " + llvm::Twine(*id) +
                    ": its SHA-256 differs from the statistics' (they were "
                    "gathered for another program or another weight)");
    }
    if (*groups != entry->groups || *columns != entry->columns)
      return fail(where + ": the statistics have " + llvm::Twine(*groups) +
                  " groups of " + llvm::Twine(*columns) +
                  " columns, the weight's input has " +
                  llvm::Twine(entry->groups) + " of " +
                  llvm::Twine(entry->columns));
    // The tensor that is read (the exact sums, or H as F64 with gramOnly);
    // the exact sums are checked either way, so that a truncated file is
    // refused whatever reads it.
    const uint64_t count =
        uint64_t(entry->groups) * entry->columns * (*full ? entry->columns : 1);
    auto locate = [&](const std::string &tensorName, llvm::StringRef dtype,
                      uint64_t bytesPerValue, const char *&begin) {
      const json::Object *t = top->getObject(tensorName);
      const json::Array *offsets = t ? t->getArray("data_offsets") : nullptr;
      std::optional<int64_t> b = offsets && offsets->size() == 2
                                     ? (*offsets)[0].getAsInteger()
                                     : std::nullopt;
      std::optional<int64_t> end = offsets && offsets->size() == 2
                                       ? (*offsets)[1].getAsInteger()
                                       : std::nullopt;
      if (!t ||
          t->getString("dtype") != std::optional<llvm::StringRef>(dtype) ||
          !b || !end || *b < 0 || *end < *b || uint64_t(*end) > data.size() ||
          uint64_t(*end - *b) != count * bytesPerValue)
        return fail(where + ": tensor \"" + tensorName +
                    "\" is missing or has the wrong type or size");
      begin = data.data() + *b;
      return true;
    };
    const char *exact = nullptr, *gram = nullptr;
    if (!locate((*tensor + ".exact").str(), "I64", 16, exact) ||
        (gramOnly && !locate(tensor->str(), "F64", 8, gram)))
      return false;
    entry->full = *full;
    entry->samples = *samples;
    if (gramOnly) {
      entry->gram.resize(count);
      parallelForChunks(0, count, 1 << 16, [&](int64_t b, int64_t e) {
        for (int64_t i = b; i < e; ++i)
          entry->gram[i] = llvm::bit_cast<double>(
              llvm::support::endian::read64le(gram + 8 * i));
      });
      continue;
    }
    entry->sums.resize(count);
    const char *p = exact;
    for (uint64_t i = 0; i < count; ++i, p += 16) {
      int64_t whole = static_cast<int64_t>(llvm::support::endian::read64le(p));
      uint64_t fraction = llvm::support::endian::read64le(p + 8);
      // Built unsigned: shifting a negative value left is undefined.
      entry->sums[i] = static_cast<__int128>(
          (static_cast<unsigned __int128>(static_cast<uint64_t>(whole)) << 64) |
          fraction);
    }
  }
  return true;
}

FailureOr<DenseMap<Operation *, std::shared_ptr<const InputStatistics>>>
mlir::coreai::readActivationStatistics(ModuleOp module, StringRef path) {
  auto fail = [&](const llvm::Twine &message) {
    emitError(module.getLoc()) << "option 'activation-statistics': " << message;
    return failure();
  };
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!file)
    return fail("cannot read '" + path + "': " + file.getError().message());
  DenseMap<Operation *, int64_t> ids;
  ActivationStatistics stats =
      ActivationStatistics::create(module, 0, kDefaultMaxFullColumns, &ids);
  std::string error;
  if (!ActivationStatistics::load((*file)->getBuffer(), path, stats, error,
                                  /*gramOnly=*/true))
    return fail(error);

  std::map<const StatisticsEntry *, std::shared_ptr<const InputStatistics>>
      converted;
  DenseMap<Operation *, std::shared_ptr<const InputStatistics>> byConstant;
  for (auto [constant, id] : ids) {
    const StatisticsEntry *entry = stats.find(id);
    if (!entry)
      continue;
    // An entry read through several weights (query, key, value) is
    // converted for the first one; its Gram matrix is gone after that.
    auto done = converted.find(entry);
    if (done != converted.end()) {
      byConstant[constant] = done->second;
      continue;
    }
    if (entry->sums.empty() && entry->gram.empty())
      continue;
    std::shared_ptr<const InputStatistics> &shared = converted[entry];
    // Each entry converted once: its Gram matrix moved, not copied (the
    // statistics are this function's own).
    if (!shared)
      shared = std::make_shared<InputStatistics>(
          const_cast<StatisticsEntry *>(entry)->takeStatistics());
    byConstant[constant] = shared;
  }
  return byConstant;
}

LogicalResult mlir::coreai::attachActivationStatistics(
    ModuleOp module, MutableArrayRef<WeightCandidate> weights, StringRef path) {
  auto byConstant = readActivationStatistics(module, path);
  if (failed(byConstant))
    return failure();
  for (WeightCandidate &weight : weights)
    if (auto it = byConstant->find(weight.op); it != byConstant->end())
      weight.statistics = it->second;
  return success();
}

LogicalResult mlir::coreai::compressWeights(ModuleOp module,
                                            WeightScheme &scheme,
                                            uint64_t weightNumThreshold,
                                            StringRef statisticsPath,
                                            unsigned threads, StringRef label) {
  if (statisticsPath.empty())
    return compressWeights(module, scheme, weightNumThreshold, threads, label);
  const int64_t threshold =
      static_cast<int64_t>(std::min<uint64_t>(weightNumThreshold, INT64_MAX));
  SmallVector<WeightCandidate> candidates =
      collectWeightCandidates(module, threshold);
  if (failed(attachActivationStatistics(module, candidates, statisticsPath)))
    return failure();
  scheme.prepare(module.getContext());
  SmallVector<WeightAssignment> weights;
  for (WeightCandidate &candidate : candidates)
    weights.push_back({candidate, &scheme});
  return compressWeights(weights, threads, label);
}
