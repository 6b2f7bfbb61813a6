//===- CoreAIOptModule.cpp - The coreai_opt._core Python extension -------===//
//
// A program (a module in a context that its copies share), read from and
// written to text, bytecode and `.aimodel` assets, and pass pipelines run
// over it with the GIL released. Bytecode files are mapped: their weights
// are read from the mapping, as the driver does, and copies share them.
// Diagnostics are collected, never thrown through MLIR frames: errors become
// one RuntimeError after the run, warnings are returned for the Python layer to
// turn into `warnings.warn`.
//
//===----------------------------------------------------------------------===//

#include "StatisticsBindings.h"
#include "coreai/Analysis/WeightAnalysis.h"
#include "coreai/Asset/Asset.h"
#include "coreai/Asset/AtomicFile.h"
#include "coreai/IR/ConstantData.h"
#include "coreai/IR/InputChecks.h"
#include "coreai/InitAll.h"
#include "coreai/Selection/AutoChoice.h"
#include "coreai/Selection/CompressWeights.h"
#include "coreai/Selection/Sensitivity.h"
#include "coreai/Weights/WeightCandidates.h"

#include "mlir/Bytecode/BytecodeReader.h"
#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <tbb/task_arena.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

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

static bool isBytecode(const llvm::MemoryBuffer &buffer) {
  return mlir::isBytecode(buffer.getMemBufferRef());
}

/// The 1-based line of `offset` in `buffer`.
static size_t lineOf(const llvm::MemoryBuffer &buffer, size_t offset) {
  return buffer.getBuffer().take_front(offset).count('\n') + 1;
}

using BlobEntry = DialectResourceBlobManager::BlobEntry;

/// A file whose bytes weights may still be read from: bytecode blobs point
/// into its mapping for as long as `owner` (held by those blobs) is alive.
struct SourceFile {
  std::string path;
  int fd = -1;
  uint64_t size = 0;
  llvm::sys::TimePoint<> modified;
  std::weak_ptr<llvm::SourceMgr> owner;
};

/// What programs copied from one another share: one context, and with it
/// every weight blob (attributes and blobs are immutable, so a copy clones
/// the ops and shares the bytes); one lock (one operation at a time); the
/// live modules, to free the blobs that none of them uses any more; and the
/// mapped files weights are read from.
struct Family {
  Family()
      : context(std::make_unique<MLIRContext>(coreai::getSharedRegistry())) {
    context->loadAllAvailableDialects();
    // Errors must not carry the whole module, weights included.
    context->printOpOnDiagnostic(false);
  }
  ~Family() {
    for (SourceFile &file : sources)
      llvm::sys::Process::SafelyCloseFileDescriptor(file.fd);
  }

  /// Refuses to read weights from a mapped file that was changed in place
  /// since the load (reading it would see other bytes, or fault past a
  /// truncation). A file replaced by a rename or deleted is not changed:
  /// the mapping keeps its old bytes.
  std::string checkSources() {
    for (SourceFile &file : sources) {
      if (file.owner.expired())
        continue;
      llvm::sys::fs::file_status status;
      if (llvm::sys::fs::status(file.fd, status) ||
          status.getSize() != file.size ||
          status.getLastModificationTime() != file.modified)
        return "the file '" + file.path +
               "' was changed in place after this program was loaded from "
               "it (its weights are read from the file); load it again";
    }
    return "";
  }

  /// The blob entries that `root`'s attributes use.
  static void collectBlobs(Operation *root, llvm::DenseSet<BlobEntry *> &out) {
    root->walk([&](Operation *op) {
      op->getAttrDictionary().walk([&](DenseResourceElementsAttr attr) {
        out.insert(attr.getRawHandle().getResource());
      });
    });
  }

  /// Frees the data of the `candidates` that no live module uses (MLIR keeps
  /// every blob until its context dies; a copy compressed and dropped, or a
  /// weight replaced in place, would otherwise stay in memory).
  void freeUnused(const llvm::DenseSet<BlobEntry *> &candidates) {
    if (candidates.empty())
      return;
    llvm::DenseSet<BlobEntry *> used;
    for (ModuleOp module : modules)
      collectBlobs(module, used);
    for (BlobEntry *entry : candidates)
      if (!used.contains(entry))
        entry->setBlob(AsmResourceBlob());
  }

  std::unique_ptr<MLIRContext> context;
  std::mutex mutex;
  std::vector<ModuleOp> modules;
  std::vector<SourceFile> sources;
};

/// Maps `path` for parsing: bytecode as it is (its blobs are then read from
/// the mapping), text NUL-terminated (its blobs are decoded anyway). Keeps
/// the file open to notice changes made to it in place.
/// The contents of `path`: a regular file mapped (and recorded in `file`,
/// whose changes are watched), anything else -- a pipe, a FIFO, /dev/stdin
/// -- read to its end into memory (`streamed`; its size says nothing).
static std::unique_ptr<llvm::MemoryBuffer>
mapFile(const std::string &path, SourceFile &file, bool &streamed) {
  auto fail = [&](std::error_code ec) {
    throw py::value_error("cannot read '" + path + "': " + ec.message());
  };
  llvm::Expected<llvm::sys::fs::file_t> fd =
      llvm::sys::fs::openNativeFileForRead(path);
  if (!fd)
    fail(llvm::errorToErrorCode(fd.takeError()));
  file.path = path;
  file.fd = *fd;
  llvm::sys::fs::file_status status;
  if (std::error_code ec = llvm::sys::fs::status(file.fd, status)) {
    llvm::sys::Process::SafelyCloseFileDescriptor(file.fd);
    fail(ec);
  }
  if (status.type() == llvm::sys::fs::file_type::directory_file) {
    llvm::sys::Process::SafelyCloseFileDescriptor(file.fd);
    fail(std::make_error_code(std::errc::is_a_directory));
  }
  streamed = status.type() != llvm::sys::fs::file_type::regular_file;
  if (streamed) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
        llvm::MemoryBuffer::getOpenFile(file.fd, path, /*FileSize=*/-1);
    llvm::sys::Process::SafelyCloseFileDescriptor(file.fd);
    file.fd = -1;
    if (!buffer)
      fail(buffer.getError());
    return std::move(*buffer);
  }
  file.size = status.getSize();
  file.modified = status.getLastModificationTime();
  for (bool terminated : {false, true}) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
        llvm::MemoryBuffer::getOpenFile(file.fd, path, file.size,
                                        /*RequiresNullTerminator=*/terminated);
    if (!buffer) {
      llvm::sys::Process::SafelyCloseFileDescriptor(file.fd);
      fail(buffer.getError());
    }
    if (terminated || isBytecode(**buffer))
      return std::move(*buffer);
  }
  llvm_unreachable("the NUL-terminated buffer is returned");
}

class Program {
public:
  explicit Program(std::shared_ptr<Family> family, OwningOpRef<ModuleOp> owned)
      : family(std::move(family)), module(std::move(owned)) {
    this->family->modules.push_back(*module);
  }

  ~Program() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(family->mutex);
    llvm::erase(family->modules, *module);
    llvm::DenseSet<BlobEntry *> blobs;
    Family::collectBlobs(*module, blobs);
    module = nullptr;
    family->freeUnused(blobs);
  }

  /// Parses text or bytecode into a new family; `buffer` must end in a NUL
  /// for text (it is lexed up to it), as std::string's data and Python's
  /// bytes do. With `source`, bytecode blobs stay in the buffer (a mapped
  /// file, recorded in the family); without, they are copied.
  static std::unique_ptr<Program>
  parse(std::unique_ptr<llvm::MemoryBuffer> buffer,
        std::optional<SourceFile> source = std::nullopt) {
    auto family = std::make_shared<Family>();
    if (!isBytecode(*buffer))
      if (auto problem = coreai::findUnparsableInput(buffer->getBuffer()))
        throw py::value_error(
            "cannot read the program: " + buffer->getBufferIdentifier().str() +
            ":" + std::to_string(lineOf(*buffer, problem->offset)) + ": " +
            problem->message);
    Collector collector(family->context.get());
    OwningOpRef<ModuleOp> module;
    {
      py::gil_scoped_release release;
      ParserConfig config(family->context.get());
      if (source) {
        auto sourceMgr = std::make_shared<llvm::SourceMgr>();
        sourceMgr->AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
        module = parseSourceFile<ModuleOp>(sourceMgr, config);
        source->owner = sourceMgr;
        family->sources.push_back(std::move(*source));
      } else {
        llvm::SourceMgr sourceMgr;
        sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
        module = parseSourceFile<ModuleOp>(sourceMgr, config);
      }
    }
    if (!module) {
      std::string errors = collector.getErrors();
      throw py::value_error("cannot read the program" +
                            (errors.empty() ? std::string() : ": " + errors));
    }
    return std::make_unique<Program>(std::move(family), std::move(module));
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
    SourceFile file;
    std::unique_ptr<llvm::MemoryBuffer> buffer;
    bool streamed = false;
    {
      // Opening a FIFO waits for its writer: without the GIL.
      py::gil_scoped_release release;
      buffer = mapFile(path, file, streamed);
    }
    if (streamed) // in memory: no file to watch
      return parse(std::move(buffer));
    return parse(std::move(buffer), std::move(file));
  }
  /// The program of an asset, and the hash warning ("" when none).
  static std::pair<std::unique_ptr<Program>, std::string>
  loadAsset(const std::string &path) {
    llvm::Expected<coreai::AssetProgram> asset = coreai::readAsset(path);
    if (!asset)
      throw py::value_error(llvm::toString(asset.takeError()));
    SourceFile file;
    llvm::SmallString<256> mainFile(path);
    llvm::sys::path::append(mainFile, coreai::kAssetProgramFile);
    // Mapped again (and checked against the hash's reading by its size and
    // time): readAsset's buffer does not keep the file open.
    asset->bytecode.reset();
    bool streamed = false;
    std::unique_ptr<llvm::MemoryBuffer> buffer =
        mapFile(mainFile.str().str(), file, streamed);
    if (streamed)
      return {parse(std::move(buffer)), asset->hashWarning};
    auto program = parse(std::move(buffer), std::move(file));
    return {std::move(program), asset->hashWarning};
  }

  std::string toText(bool debugInfo) const {
    Access access(*this);
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
      Access access(*this);
      llvm::raw_string_ostream os(bytes);
      if (failed(writeBytecodeToFile(*module, os)))
        throw std::runtime_error("cannot write the program as bytecode");
    }
    return py::bytes(bytes);
  }
  void saveAsset(const std::string &path, const std::string &source,
                 bool overwriteSource) const {
    py::gil_scoped_release release;
    Access access(*this);
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
      Access access(*this);
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

  /// A copy in the same family: the ops are cloned, the weights shared.
  std::unique_ptr<Program> copy() const {
    py::gil_scoped_release release;
    Access access(*this);
    OwningOpRef<ModuleOp> clone(module->clone());
    return std::make_unique<Program>(family, std::move(clone));
  }

  /// Runs `pipeline` (a `builtin.module(...)` string) on up to `threads`
  /// threads (0: the machine); returns the warnings and remarks. Raises
  /// RuntimeError with every error when the pipeline fails.
  std::vector<std::tuple<std::string, std::string, std::string>>
  run(const std::string &pipeline, unsigned threads) {
    std::string parseError, errors;
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    bool ok = true;
    {
      py::gil_scoped_release release;
      Access access(*this);
      Collector collector(family->context.get());
      llvm::raw_string_ostream err(parseError);
      // A pipeline parsed into an existing PassManager would nest and run on
      // nothing: parse it alone, then assign.
      FailureOr<OpPassManager> parsed = parsePassPipeline(pipeline, err);
      if (failed(parsed)) {
        ok = false;
        if (parseError.empty())
          parseError = "cannot parse it";
      } else {
        llvm::DenseSet<BlobEntry *> before;
        Family::collectBlobs(*module, before);
        PassManager pm(family->context.get());
        static_cast<OpPassManager &>(pm) = std::move(*parsed);
        auto runAll = [&] { ok = succeeded(pm.run(*module)); };
        if (threads == 0) {
          runAll();
        } else {
          tbb::task_arena arena(static_cast<int>(threads));
          arena.execute(runAll);
        }
        // The weights the pipeline replaced, unless another program of the
        // family still holds them.
        family->freeUnused(before);
      }
      errors = collector.getErrors();
      for (const Message &m : collector.messages)
        out.emplace_back(m.severity, m.location, m.message);
    }
    if (!parseError.empty())
      throw py::value_error("invalid pass pipeline '" + pipeline +
                            "': " + parseError);
    if (!ok)
      throw std::runtime_error(errors.empty() ? "the pass pipeline failed"
                                              : errors);
    return out;
  }

  /// The weight report as a list of dicts (one per weight operand).
  /// With `reference` (another program), also the errors against it: SQNR
  /// of the tensor and of its worst output channel, and the largest
  /// absolute error.
  py::list report(const Program *reference) const {
    std::optional<coreai::WeightAnalysis> analysis;
    {
      py::gil_scoped_release release;
      // Programs of two families: both locks, taken without deadlock.
      std::unique_lock<std::mutex> mine(family->mutex, std::defer_lock);
      std::unique_lock<std::mutex> theirs;
      if (reference && reference->family != family) {
        theirs = std::unique_lock<std::mutex>(reference->family->mutex,
                                              std::defer_lock);
        std::lock(mine, theirs);
      } else {
        mine.lock();
      }
      std::string changed = family->checkSources();
      if (changed.empty() && reference)
        changed = reference->family->checkSources();
      if (!changed.empty())
        throw py::value_error(changed);
      analysis.emplace(*module);
      if (reference) {
        // The comparison reports on the reference's constants.
        Collector collector(reference->family->context.get());
        if (failed(
                analysis->compareWith(*reference->module, "the reference", 0)))
          throw py::value_error("reference: " + collector.getErrors());
      }
    }
    auto number = [](std::optional<double> v) -> py::object {
      if (!v)
        return py::none();
      return py::float_(*v);
    };
    py::list rows;
    for (const coreai::WeightRecord &r : analysis->getWeights()) {
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

  /// The compressible weights (more than `threshold` elements), in program
  /// order, with the report's ids.
  py::list weights(uint64_t threshold) const {
    struct Row {
      int64_t id;
      std::string location, consumer, type, sha256;
      std::vector<int64_t> shape;
      int64_t elements;
    };
    std::vector<Row> rows;
    {
      py::gil_scoped_release release;
      Access access(*this);
      coreai::WeightAnalysis analysis(*module);
      DenseMap<Operation *, int64_t> ids = coreai::getWeightIds(analysis);
      for (coreai::WeightCandidate &weight : coreai::collectWeightCandidates(
               *module, clampThreshold(threshold))) {
        int64_t id = ids.lookup(weight.op);
        const coreai::WeightRecord &record = analysis.getWeights()[id];
        rows.push_back({id, record.location, record.consumerName,
                        record.elementType,
                        coreai::getPayloadSha256(weight.op.getValue()),
                        std::vector<int64_t>(weight.getShape().begin(),
                                             weight.getShape().end()),
                        weight.getType().getNumElements()});
      }
    }
    py::list out;
    for (Row &r : rows) {
      py::dict row;
      row["id"] = r.id;
      row["location"] = r.location;
      row["consumer"] = r.consumer;
      row["shape"] = py::tuple(py::cast(r.shape));
      row["element_type"] = r.type;
      row["elements"] = r.elements;
      row["sha256"] = r.sha256;
      out.append(row);
    }
    return out;
  }

  /// Compresses weight `id` with each candidate of the catalog in `names`
  /// (in parallel) and decodes it: per candidate a dict of its figures and
  /// `values`, the decoded weight as f32 bytes (None when it does not
  /// apply; then `skip_reason`).
  py::list
  decodeCandidates(int64_t id, const std::vector<std::string> &names,
                   uint64_t threshold, unsigned threads,
                   const coreai::ActivationStatistics *statistics) const {
    std::vector<coreai::CandidateMeasure> measures;
    std::vector<std::vector<float>> decoded;
    std::string error;
    int64_t elements = 0;
    {
      py::gil_scoped_release release;
      Access access(*this);
      Collector collector(family->context.get());
      std::optional<coreai::WeightCandidate> weight =
          findWeight(id, threshold, error);
      // With statistics every candidate is computed and measured with them.
      if (weight && statistics)
        if (const coreai::StatisticsEntry *entry = statistics->find(id);
            entry && !entry->sums.empty()) {
          auto at = llvm::find(entry->ids, id) - entry->ids.begin();
          if (entry->sha256[at] !=
              coreai::getPayloadSha256(weight->op.getValue()))
            error = "activation_statistics: weight " + std::to_string(id) +
                    ": the statistics are of another weight (its SHA-256 "
                    "differs); gather them on this program";
          else
            weight->statistics = std::make_shared<coreai::InputStatistics>(
                entry->getStatistics());
        }
      std::vector<coreai::CandidateScheme> candidates;
      SmallVector<const coreai::WeightScheme *> schemes;
      for (const std::string &name : names) {
        if (!error.empty())
          break;
        FailureOr<coreai::CandidateScheme> candidate =
            coreai::createNamedCandidate(
                name, [&]() { return emitError(module->getLoc()); });
        if (failed(candidate)) {
          error = "candidates: " + (collector.messages.empty()
                                        ? std::string("invalid")
                                        : collector.messages.front().message);
          break;
        }
        candidate->scheme->prepare(family->context.get());
        candidates.push_back(std::move(*candidate));
        schemes.push_back(candidates.back().scheme.get());
      }
      if (error.empty()) {
        elements = weight->getType().getNumElements();
        std::vector<std::vector<std::vector<float>>> values;
        auto measured = coreai::measureCandidates(
            {*weight}, {schemes},
            threads ? threads
                    : std::max(1u, std::thread::hardware_concurrency()),
            &values);
        if (failed(measured)) {
          error = collector.getErrors();
        } else {
          measures = std::move(measured->front());
          decoded = std::move(values.front());
        }
      }
    }
    if (!error.empty())
      throw py::value_error(error);
    py::list out;
    for (size_t i = 0; i < names.size(); ++i) {
      py::dict row;
      const coreai::CandidateMeasure &m = measures[i];
      row["name"] = names[i];
      if (!m.skipReason.empty()) {
        row["skip_reason"] = m.skipReason;
        row["values"] = py::none();
      } else {
        row["stored_bytes"] = m.bytes;
        row["bits_per_weight"] = 8.0 * double(m.bytes) / double(elements);
        row["sqnr_db"] = m.sqnrDb;
        row["worst_channel_sqnr_db"] = m.worstChannelSqnrDb;
        row["values"] =
            py::bytes(reinterpret_cast<const char *>(decoded[i].data()),
                      decoded[i].size() * sizeof(float));
        // Freed as soon as it is handed over.
        std::vector<float>().swap(decoded[i]);
      }
      out.append(row);
    }
    return out;
  }

  /// A copy (in the family) with the constants of the weights `values`
  /// names (id -> f32 bytes of every element) holding those values,
  /// rounded to their element type.
  std::unique_ptr<Program>
  withWeights(const std::map<int64_t, py::bytes> &values) const {
    std::vector<std::pair<int64_t, std::string_view>> views;
    for (auto &[id, bytes] : values)
      views.push_back({id, std::string_view(bytes)});
    std::string error;
    std::unique_ptr<Program> result;
    {
      py::gil_scoped_release release;
      Access access(*this);
      OwningOpRef<ModuleOp> clone(module->clone());
      coreai::WeightAnalysis analysis(*clone);
      for (auto &[id, bytes] : views) {
        coreai::ConstantOp constant;
        if (id >= 0 && size_t(id) < analysis.getWeights().size())
          constant = analysis.getWeights()[id]
                         .source.getDefiningOp<coreai::ConstantOp>();
        if (!constant) {
          error = "weight " + std::to_string(id) +
                  ": no weight of this program has that id as a constant";
          break;
        }
        auto type = cast<RankedTensorType>(constant.getType());
        if (int64_t(bytes.size()) != type.getNumElements() * 4) {
          error = "weight " + std::to_string(id) + ": expected " +
                  std::to_string(type.getNumElements()) + " values, got " +
                  std::to_string(bytes.size() / 4);
          break;
        }
        std::vector<double> doubles(type.getNumElements());
        const float *floats = reinterpret_cast<const float *>(bytes.data());
        double largest = 0;
        for (size_t i = 0; i < doubles.size(); ++i) {
          doubles[i] = floats[i];
          largest = std::max(largest, std::fabs(doubles[i]));
        }
        // Magnitudes from half-way past the largest finite value round to
        // inf in the weight's type.
        Type element = type.getElementType();
        const double roundsToInf = element.isF16()    ? 65520.0
                                   : element.isBF16() ? 3.39617752923046e38
                                                      : INFINITY;
        if (largest >= roundsToInf) {
          char value[32];
          std::snprintf(value, sizeof value, "%g", largest);
          error = "weight " + std::to_string(id) + ": " + value +
                  " does not fit its element type " +
                  (element.isF16() ? "f16" : "bf16") + " (it would become inf)";
          break;
        }
        coreai::EncodedElements encoded;
        std::string problem;
        if (!coreai::encodeElements(type.getElementType(), doubles, encoded,
                                    problem)) {
          error = "weight " + std::to_string(id) + ": " + problem;
          break;
        }
        constant.setValueAttr(
            coreai::buildElementsAttr(type, std::move(encoded)));
      }
      if (error.empty())
        result = std::make_unique<Program>(family, std::move(clone));
    }
    if (!error.empty())
      throw py::value_error(error);
    return result;
  }

  /// The values of the weights `ids` (report ids of dense constants, e.g.
  /// after coreai-materialize-weights) as f32 bytes.
  std::vector<py::bytes> denseValues(const std::vector<int64_t> &ids) const {
    std::vector<std::vector<float>> values;
    std::string error;
    {
      py::gil_scoped_release release;
      Access access(*this);
      coreai::WeightAnalysis analysis(*module);
      for (int64_t id : ids) {
        coreai::ConstantOp constant;
        if (id >= 0 && size_t(id) < analysis.getWeights().size())
          constant = analysis.getWeights()[id]
                         .source.getDefiningOp<coreai::ConstantOp>();
        if (!constant) {
          error = "weight " + std::to_string(id) +
                  ": not a dense constant of this program";
          break;
        }
        values.emplace_back(
            cast<RankedTensorType>(constant.getType()).getNumElements());
        if (!coreai::readElements(constant.getValue(), values.back(), error, 0))
          break;
      }
    }
    if (!error.empty())
      throw py::value_error(error);
    std::vector<py::bytes> out;
    for (std::vector<float> &v : values)
      out.emplace_back(reinterpret_cast<const char *>(v.data()),
                       v.size() * sizeof(float));
    return out;
  }

  /// The plans of coreai-compress-weights{sensitivity=...} along budgets:
  /// per plan the budget that gives it, its bits per weight and summed
  /// measured loss increase, smallest first.
  std::vector<std::tuple<double, double, double>>
  sensitivityPlans(const std::string &table,
                   const std::vector<std::string> &candidates,
                   std::optional<double> maxLossPerWeight,
                   std::optional<double> minSqnr, uint64_t threshold) const {
    coreai::AutomaticPlan plan;
    std::string errors;
    {
      py::gil_scoped_release release;
      Access access(*this);
      Collector collector(family->context.get());
      coreai::CompressWeightsRequest request;
      request.sensitivity = table;
      request.bitsPerWeight = 64;
      request.candidates.assign(candidates.begin(), candidates.end());
      request.maxLossIncreasePerWeight = maxLossPerWeight;
      request.minSqnr = minSqnr;
      request.weightNumThreshold = threshold;
      request.planOnly = true;
      request.planOut = &plan;
      if (failed(coreai::compressWeights(
              *module, request, 0, "coreai-compress-weights", llvm::nulls())))
        errors = collector.getErrors();
    }
    if (!errors.empty())
      throw py::value_error(errors);
    std::vector<std::tuple<double, double, double>> out;
    for (const coreai::PlanSummary &p : plan.plans)
      out.push_back({p.budgetBitsPerWeight, p.bitsPerWeight, p.predictedLoss});
    return out;
  }

  /// Empty activation statistics of this program.
  coreai::ActivationStatistics activationStatistics(int64_t maxFullColumns) {
    py::gil_scoped_release release;
    Access access(*this);
    return coreai::ActivationStatistics::create(*module, 0, maxFullColumns);
  }

private:
  /// Holds the family's lock for one operation, after checking that the
  /// files its weights are read from are unchanged. Take it with the GIL
  /// released: a thread waiting for the lock must not hold the GIL.
  class Access {
  public:
    explicit Access(const Program &program) : lock(program.family->mutex) {
      std::string changed = program.family->checkSources();
      if (!changed.empty())
        throw py::value_error(changed);
    }

  private:
    std::lock_guard<std::mutex> lock;
  };

  static int64_t clampThreshold(uint64_t threshold) {
    return static_cast<int64_t>(std::min<uint64_t>(threshold, INT64_MAX));
  }

  /// The compressible weight `id` (as weights() lists them), or none with
  /// `error`.
  std::optional<coreai::WeightCandidate>
  findWeight(int64_t id, uint64_t threshold, std::string &error) const {
    coreai::WeightAnalysis analysis(*module);
    DenseMap<Operation *, int64_t> ids = coreai::getWeightIds(analysis);
    for (coreai::WeightCandidate &weight :
         coreai::collectWeightCandidates(*module, clampThreshold(threshold)))
      if (ids.lookup(weight.op) == id)
        return weight;
    error = "weight " + std::to_string(id) +
            ": no compressible weight has this id (see Program.weights())";
    return std::nullopt;
  }

  std::shared_ptr<Family> family;
  mutable OwningOpRef<ModuleOp> module;
};

} // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "The C++ core of coreai_opt: programs and pass pipelines";
  // What Program.optimize runs, next to our passes.
  registerCanonicalizerPass();
  registerCSEPass();
  m.def(
      "default_candidates",
      [](bool statistics) {
        std::vector<std::string> names;
        for (StringRef name : coreai::getDefaultCandidateNames(statistics))
          names.push_back(name.str());
        return names;
      },
      py::arg("statistics") = false);
  m.def(
      "write_file",
      [](const std::string &path, py::bytes data) {
        std::string bytes = data;
        std::string error;
        {
          py::gil_scoped_release release;
          if (llvm::Error e = coreai::writeFileAtomically(path, bytes))
            error = llvm::toString(std::move(e));
        }
        if (!error.empty())
          throw py::value_error(error);
      },
      "Writes `data` to `path` as every output of the project is written "
      "(whole or not at all; links followed; modes kept)");
  coreai_python::bindStatistics(m);
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
      .def("weights", &Program::weights, py::arg("threshold"))
      .def("decode_candidates", &Program::decodeCandidates, py::arg("id"),
           py::arg("names"), py::arg("threshold"), py::arg("threads") = 0,
           py::arg("statistics") =
               static_cast<const coreai::ActivationStatistics *>(nullptr))
      .def("with_weights", &Program::withWeights)
      .def("sensitivity_plans", &Program::sensitivityPlans)
      .def("dense_values", &Program::denseValues)
      .def("activation_statistics", &Program::activationStatistics)
      .def("report", &Program::report,
           py::arg("reference") = static_cast<const Program *>(nullptr));
}
