//===- CompressionOptions.cpp - Typed values of the pass options ----------===//

#include "coreai/Schemes/CompressionOptions.h"

using namespace mlir::coreai;

llvm::StringRef mlir::coreai::stringify(QuantDtype value) {
  switch (value) {
  case QuantDtype::None:
    return "none";
  case QuantDtype::Int8:
    return "int8";
  case QuantDtype::UInt8:
    return "uint8";
  case QuantDtype::Int4:
    return "int4";
  case QuantDtype::UInt4:
    return "uint4";
  case QuantDtype::Int2:
    return "int2";
  case QuantDtype::UInt2:
    return "uint2";
  case QuantDtype::FP8E4M3FN:
    return "fp8_e4m3fn";
  case QuantDtype::FP8E5M2:
    return "fp8_e5m2";
  case QuantDtype::FP4E2M1FN:
    return "fp4_e2m1fn";
  }
  return "none";
}

llvm::StringRef mlir::coreai::stringify(QScheme value) {
  return value == QScheme::Symmetric ? "symmetric" : "asymmetric";
}

llvm::StringRef mlir::coreai::stringify(Granularity value) {
  switch (value) {
  case Granularity::PerTensor:
    return "per_tensor";
  case Granularity::PerChannel:
    return "per_channel";
  case Granularity::PerBlock:
    return "per_block";
  case Granularity::PerGroupedChannel:
    return "per_grouped_channel";
  }
  return "per_tensor";
}

llvm::StringRef mlir::coreai::stringify(ScaleDtype value) {
  return value == ScaleDtype::None ? "none" : "fp8_e8m0fnu";
}

llvm::StringRef mlir::coreai::stringify(ReportFormat value) {
  return value == ReportFormat::Table ? "table" : "json";
}

llvm::StringRef mlir::coreai::stringify(ScaleSearchMode value) {
  switch (value) {
  case ScaleSearchMode::Auto:
    return "auto";
  case ScaleSearchMode::MinMax:
    return "minmax";
  case ScaleSearchMode::MSE:
    return "mse";
  }
  return "auto";
}

llvm::StringRef mlir::coreai::stringify(SymmetricRange value) {
  return value == SymmetricRange::Restricted ? "restricted" : "full";
}

llvm::StringRef mlir::coreai::stringify(AutoObjective value) {
  switch (value) {
  case AutoObjective::MaxWorst:
    return "max-worst";
  case AutoObjective::Balanced:
    return "balanced";
  case AutoObjective::LeastNoise:
    return "least-noise";
  }
  llvm_unreachable("unknown objective");
}
