//===- CoreAIOptModule.cpp - The `coreai_opt._core` Python extension
//-------===//
//
// A program (its own MLIRContext and module), read from and written to text,
// bytecode and `.aimodel` assets, and pass pipelines run over it with the
// GIL released. Diagnostics are collected, never thrown through MLIR frames:
// errors become one RuntimeError after the run, warnings are returned for
// the Python layer to turn into `warnings.warn`.
//
//===----------------------------------------------------------------------===//

#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/Asset/Asset.h"
#include "coreai/Asset/AtomicFile.h"
#include "coreai/InitAll.h"

#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <tbb/task_arena.h>

#include <mutex>

namespace py = pybind11;
using namespace mlir;

namespace {

/// One diagnostic: severity ("error", "warning", "remark", "note"), location
/// and message.
struct Message {
  std::string severity, location, message;
};

/// Collects the diagnostics of a context while alive.
class Collector {
public:
  explicit Collector(MLIRContext *context)
      : handler(context, [this](Diagnostic &diag) {
          Message m;
          switch (diag.getSeverity()) {
          case DiagnosticSeverity::Error:
            m.severity = "error";
            break;
          case DiagnosticSeverity::Warning:
            m.severity = "warning";
            break;
          case DiagnosticSeverity::Remark:
            m.severity = "remark";
            break;
          case DiagnosticSeverity::Note:
            m.severity = "note";
            break;
          }
          // file:line:col, or the location as printed without `loc(...)`.
          Location where = diag.getLocation();
          if (auto fused = dyn_cast<FusedLoc>(where);
              fused && fused.getLocations().size() == 1)
            where = fused.getLocations().front();
          llvm::raw_string_ostream loc(m.location);
          if (auto file = dyn_cast<FileLineColLoc>(where)) {
            loc << file.getFilename().getValue() << ":" << file.getLine() << ":"
                << file.getColumn();
          } else {
            std::string text;
            llvm::raw_string_ostream printed(text);
            where.print(printed);
            StringRef inner(text);
            if (inner.consume_front("loc(") && inner.consume_back(")"))
              text = inner.str();
            loc << text;
          }
          m.message = diag.str();
          // The verifier may report from several threads at once.
          std::lock_guard<std::mutex> lock(mutex);
          messages.push_back(std::move(m));
          return success();
        }) {}

  std::vector<Message> messages;

  /// The errors, one per line, or "" when there is none.
  std::string getErrors() const {
    std::string text;
    for (const Message &m : messages)
      if (m.severity == "error")
        text += (text.empty() ? "" : "\n") + m.location + ": " + m.message;
    return text;
  }

private:
  std::mutex mutex;
  ScopedDiagnosticHandler handler;
};

class Program {
public:
  Program()
      : context(std::make_unique<MLIRContext>(coreai::getSharedRegistry())) {
    context->loadAllAvailableDialects();
    // Errors must not carry the whole module, weights included.
    context->printOpOnDiagnostic(false);
  }

  /// Parses text or bytecode; `buffer` must end in a NUL (text is lexed up
  /// to it), as MemoryBuffer's files and std::string's data do.
  static std::unique_ptr<Program>
  parse(std::unique_ptr<llvm::MemoryBuffer> buffer) {
    auto program = std::make_unique<Program>();
    Collector collector(program->context.get());
    {
      py::gil_scoped_release release;
      llvm::SourceMgr sourceMgr;
      sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
      ParserConfig config(program->context.get());
      program->module = parseSourceFile<ModuleOp>(sourceMgr, config);
    }
    if (!program->module) {
      std::string errors = collector.getErrors();
      throw py::value_error("cannot read the program" +
                            (errors.empty() ? std::string() : ": " + errors));
    }
    return program;
  }

  static std::unique_ptr<Program> fromText(const std::string &text) {
    return parse(llvm::MemoryBuffer::getMemBuffer(text, "<text>"));
  }
  static std::unique_ptr<Program> fromBytecode(const py::bytes &bytes) {
    // CPython keeps a NUL after the bytes of every bytes object.
    return parse(llvm::MemoryBuffer::getMemBuffer(std::string_view(bytes),
                                                  "<bytecode>"));
  }
  static std::unique_ptr<Program> loadFile(const std::string &path) {
    auto file = llvm::MemoryBuffer::getFile(path);
    if (!file)
      throw py::value_error("cannot read '" + path +
                            "': " + file.getError().message());
    return parse(std::move(*file));
  }
  /// The program of an asset, and the hash warning ("" when none).
  static std::pair<std::unique_ptr<Program>, std::string>
  loadAsset(const std::string &path) {
    llvm::Expected<coreai::AssetProgram> asset = coreai::readAsset(path);
    if (!asset)
      throw py::value_error(llvm::toString(asset.takeError()));
    auto program = parse(std::move(asset->bytecode));
    return {std::move(program), asset->hashWarning};
  }

  std::string toText(bool debugInfo) const {
    std::string text;
    llvm::raw_string_ostream os(text);
    OpPrintingFlags flags;
    if (debugInfo)
      flags.enableDebugInfo();
    module->print(os, flags);
    return text;
  }

  py::bytes toBytecode() const {
    std::string bytes;
    {
      py::gil_scoped_release release;
      llvm::raw_string_ostream os(bytes);
      if (failed(writeBytecodeToFile(*module, os)))
        throw std::runtime_error("cannot write the program as bytecode");
    }
    return py::bytes(bytes);
  }

  void saveAsset(const std::string &path, const std::string &source,
                 bool overwriteSource) const {
    std::string bytes;
    llvm::raw_string_ostream os(bytes);
    if (failed(writeBytecodeToFile(*module, os)))
      throw std::runtime_error("cannot write the program as bytecode");
    if (llvm::Error e =
            coreai::writeAsset(path, bytes, source, overwriteSource))
      throw py::value_error(llvm::toString(std::move(e)));
  }

  /// Writes the program to `path` as bytecode or as text (with locations),
  /// streamed into a file beside it that replaces `path` only when whole.
  void saveFile(const std::string &path, bool bytecode) const {
    std::string error;
    {
      py::gil_scoped_release release;
      llvm::Expected<std::unique_ptr<coreai::AtomicOutputFile>> file =
          coreai::AtomicOutputFile::open(path);
      llvm::Error e = file.takeError();
      if (!e) {
        if (bytecode) {
          if (failed(writeBytecodeToFile(*module, (*file)->os())))
            error = "cannot write the program as bytecode";
        } else {
          OpPrintingFlags flags;
          flags.enableDebugInfo();
          module->print((*file)->os(), flags);
        }
        if (error.empty())
          e = (*file)->commit();
      }
      if (e)
        error = llvm::toString(std::move(e));
    }
    if (!error.empty())
      throw py::value_error("path: " + error);
  }

  std::unique_ptr<Program> copy() const {
    // Through bytecode: a new context owns the copy.
    std::string bytes;
    llvm::raw_string_ostream os(bytes);
    if (failed(writeBytecodeToFile(*module, os)))
      throw std::runtime_error("cannot copy the program");
    return parse(llvm::MemoryBuffer::getMemBuffer(bytes, "<copy>"));
  }

  /// Runs `pipeline` (a `builtin.module(...)` string) on up to `threads`
  /// threads (0: the machine); returns the warnings and remarks. Raises
  /// RuntimeError with every error when the pipeline fails.
  std::vector<std::tuple<std::string, std::string, std::string>>
  run(const std::string &pipeline, unsigned threads) {
    Collector collector(context.get());
    std::string parseError;
    bool ok = true;
    {
      py::gil_scoped_release release;
      llvm::raw_string_ostream err(parseError);
      // A pipeline parsed into an existing PassManager would nest and run on
      // nothing: parse it alone, then assign.
      FailureOr<OpPassManager> parsed = parsePassPipeline(pipeline, err);
      if (failed(parsed)) {
        ok = false;
        if (parseError.empty())
          parseError = "cannot parse it";
      } else {
        PassManager pm(context.get());
        static_cast<OpPassManager &>(pm) = std::move(*parsed);
        auto runAll = [&] { ok = succeeded(pm.run(*module)); };
        if (threads == 0) {
          runAll();
        } else {
          tbb::task_arena arena(static_cast<int>(threads));
          arena.execute(runAll);
        }
      }
    }
    if (!parseError.empty())
      throw py::value_error("invalid pass pipeline '" + pipeline +
                            "': " + parseError);
    if (!ok) {
      std::string errors = collector.getErrors();
      throw std::runtime_error(errors.empty() ? "the pass pipeline failed"
                                              : errors);
    }
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (const Message &m : collector.messages)
      out.emplace_back(m.severity, m.location, m.message);
    return out;
  }

  /// The weight report as a list of dicts (one per weight operand).
  /// With `reference` (another program's bytecode), also the errors
  /// against it: SQNR of the tensor and of its worst output channel, and the
  /// largest absolute error.
  py::list report(std::optional<py::bytes> reference) const {
    coreai::WeightAnalysis analysis(*module);
    if (reference) {
      Collector collector(context.get());
      std::string bytes(*reference);
      ParserConfig config(context.get());
      OwningOpRef<ModuleOp> ref = parseSourceString<ModuleOp>(bytes, config);
      bool ok = false;
      if (ref) {
        py::gil_scoped_release release;
        ok = succeeded(analysis.compareWith(ref.get(), "the reference", 0));
      }
      if (!ok)
        throw py::value_error("reference: " + collector.getErrors());
    }
    auto number = [](std::optional<double> v) -> py::object {
      if (!v)
        return py::none();
      return py::float_(*v);
    };
    py::list rows;
    for (const coreai::WeightRecord &r : analysis.getWeights()) {
      py::dict row;
      row["consumer"] = r.consumerName;
      row["location"] = r.location;
      row["shape"] = r.shape;
      row["type"] = r.elementType;
      row["stored"] = r.stored;
      row["scheme"] = r.scheme;
      row["compressed"] = r.compressed;
      row["bytes_before"] = r.bytesBefore;
      row["bytes_after"] = r.bytesAfter;
      row["bits_per_weight"] = r.bitsPerWeight;
      row["skip_reason"] = r.skipReason;
      if (reference) {
        row["sqnr_db"] = number(r.sqnr);
        row["worst_channel_sqnr_db"] = number(r.worstChannelSqnr);
        row["max_abs_error"] = number(r.maxError);
      }
      rows.append(row);
    }
    return rows;
  }

private:
  std::unique_ptr<MLIRContext> context;
  mutable OwningOpRef<ModuleOp> module;
};

} // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "The C++ core of coreai_opt: programs and pass pipelines";
  // What Program.optimize runs, next to our passes.
  registerCanonicalizerPass();
  registerCSEPass();
  py::class_<Program>(m, "_Program")
      .def_static("from_text", &Program::fromText)
      .def_static("from_bytecode", &Program::fromBytecode)
      .def_static("load_file", &Program::loadFile)
      .def_static("load_asset", &Program::loadAsset)
      .def("to_text", &Program::toText, py::arg("debug_info") = false)
      .def("to_bytecode", &Program::toBytecode)
      .def("save_asset", &Program::saveAsset)
      .def("save_file", &Program::saveFile, py::arg("path"),
           py::arg("bytecode"))
      .def("copy", &Program::copy)
      .def("run", &Program::run, py::arg("pipeline"), py::arg("threads") = 0)
      .def("report", &Program::report, py::arg("reference") = py::none());
}
