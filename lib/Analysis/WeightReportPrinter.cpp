//===- WeightReportPrinter.cpp - The weight report as a table or JSON -----===//

#include "coreai/Analysis/WeightAnalysis.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir;
using namespace mlir::coreai;

namespace {

std::string formatDb(std::optional<double> v) {
  if (!v)
    return "-";
  if (std::isinf(*v))
    return *v > 0 ? "inf" : "-inf";
  return llvm::formatv("{0:f2}", *v).str();
}

void printJSON(const WeightAnalysis &analysis, raw_ostream &os) {
  ArrayRef<WeightRecord> weights = analysis.getWeights();
  WeightTotals totals = analysis.getTotals();
  llvm::json::OStream j(os, 2);
  j.object([&] {
    j.attributeArray("weights", [&] {
      for (const WeightRecord &r : weights)
        j.object([&] {
          j.attribute("consumer", r.consumerName);
          j.attribute("location", r.location);
          j.attribute("shape", r.shape);
          j.attribute("type", r.elementType);
          j.attribute("stored", r.stored);
          j.attribute("scheme", r.scheme);
          j.attribute("compressed", r.compressed);
          if (!r.compressed)
            j.attribute("skip_reason", r.skipReason);
          j.attribute("bytes_before", r.bytesBefore);
          j.attribute("bytes_after", r.bytesAfter);
          j.attribute("bits_per_weight", r.bitsPerWeight);
          if (r.sqnr)
            j.attribute("sqnr_db", std::isinf(*r.sqnr)
                                       ? llvm::json::Value(nullptr)
                                       : llvm::json::Value(*r.sqnr));
          if (r.maxError)
            j.attribute("max_abs_error", *r.maxError);
          if (r.worstChannelSqnr)
            j.attribute("worst_channel_sqnr_db",
                        std::isfinite(*r.worstChannelSqnr)
                            ? llvm::json::Value(*r.worstChannelSqnr)
                            : llvm::json::Value(nullptr));
          if (r.outputSqnr)
            j.attribute("output_sqnr_db", std::isfinite(*r.outputSqnr)
                                              ? llvm::json::Value(*r.outputSqnr)
                                              : llvm::json::Value(nullptr));
        });
    });
    j.attributeObject("totals", [&] {
      j.attribute("weights", totals.weights);
      j.attribute("compressed", totals.compressed);
      j.attribute("uncompressed", totals.weights - totals.compressed);
      j.attribute("bytes_before", totals.bytesBefore);
      j.attribute("bytes_after", totals.bytesAfter);
      j.attribute("bits_per_weight", totals.bitsPerWeight);
      if (totals.worst) {
        j.attribute("worst_sqnr_db", *weights[*totals.worst].sqnr);
        j.attribute("worst_location", weights[*totals.worst].location);
      }
      if (totals.worstChannel) {
        double db = *weights[*totals.worstChannel].worstChannelSqnr;
        j.attribute("worst_channel_sqnr_db", std::isfinite(db)
                                                 ? llvm::json::Value(db)
                                                 : llvm::json::Value(nullptr));
        j.attribute("worst_channel_location",
                    weights[*totals.worstChannel].location);
      }
      if (totals.worstOutput) {
        double db = *weights[*totals.worstOutput].outputSqnr;
        j.attribute("worst_output_sqnr_db", std::isfinite(db)
                                                ? llvm::json::Value(db)
                                                : llvm::json::Value(nullptr));
        j.attribute("worst_output_location",
                    weights[*totals.worstOutput].location);
      }
    });
  });
  os << "\n";
}

void printTable(const WeightAnalysis &analysis, raw_ostream &os) {
  ArrayRef<WeightRecord> weights = analysis.getWeights();
  WeightTotals totals = analysis.getTotals();
  std::vector<std::vector<std::string>> cells = {
      {"#", "consumer", "location", "shape", "type", "stored", "scheme",
       "bytes before", "bytes after", "bits/w", "SQNR dB", "worst ch dB",
       "max |err|"}};
  // The output SQNR's column only with activation statistics.
  const bool output = llvm::any_of(
      weights, [](const WeightRecord &r) { return r.outputSqnr.has_value(); });
  if (output)
    cells[0].push_back("output dB");
  for (size_t i = 0; i < weights.size(); ++i) {
    const WeightRecord &r = weights[i];
    cells.push_back(
        {std::to_string(i), r.consumerName, r.location, r.shape, r.elementType,
         r.stored, r.scheme, std::to_string(r.bytesBefore),
         std::to_string(r.bytesAfter),
         llvm::formatv("{0:f2}", r.bitsPerWeight).str(), formatDb(r.sqnr),
         formatDb(r.worstChannelSqnr),
         r.maxError ? llvm::formatv("{0:e2}", *r.maxError).str() : "-"});
    if (output)
      cells.back().push_back(formatDb(r.outputSqnr));
  }
  std::vector<size_t> width(cells[0].size(), 0);
  for (const auto &line : cells)
    for (size_t c = 0; c < line.size(); ++c)
      width[c] = std::max(width[c], line[c].size());
  for (const auto &line : cells) {
    for (size_t c = 0; c < line.size(); ++c) {
      bool numeric = c == 0 || c >= 7;
      std::string pad(width[c] - line[c].size(), ' ');
      os << (c ? "  " : "") << (numeric ? pad + line[c] : line[c] + pad);
    }
    os << "\n";
  }
  os << "weights: " << totals.weights << ", compressed " << totals.compressed
     << ", uncompressed " << totals.weights - totals.compressed << "\n";
  for (size_t i = 0; i < weights.size(); ++i)
    if (!weights[i].compressed)
      os << "  #" << i << " " << weights[i].location << ": "
         << weights[i].skipReason << "\n";
  os << llvm::formatv("weight bytes: {0} -> {1} ({2:f2}x smaller), {3:f2} "
                      "bits per weight\n",
                      totals.bytesBefore, totals.bytesAfter,
                      double(totals.bytesBefore) /
                          double(std::max<int64_t>(1, totals.bytesAfter)),
                      totals.bitsPerWeight);
  if (totals.worst)
    os << "worst SQNR: " << formatDb(weights[*totals.worst].sqnr) << " dB at #"
       << *totals.worst << " " << weights[*totals.worst].location << "\n";
  if (totals.worstChannel)
    os << "worst output channel: "
       << formatDb(weights[*totals.worstChannel].worstChannelSqnr) << " dB at #"
       << *totals.worstChannel << " " << weights[*totals.worstChannel].location
       << "\n";
  if (totals.worstOutput)
    os << "worst output SQNR: "
       << formatDb(weights[*totals.worstOutput].outputSqnr) << " dB at #"
       << *totals.worstOutput << " " << weights[*totals.worstOutput].location
       << "\n";
}

} // namespace

void mlir::coreai::printWeightReport(const WeightAnalysis &analysis,
                                     ReportFormat format, raw_ostream &os) {
  if (format == ReportFormat::JSON)
    printJSON(analysis, os);
  else
    printTable(analysis, os);
}
