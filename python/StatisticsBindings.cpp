//===- StatisticsBindings.cpp - ActivationStatistics for Python -----------===//
//
// The C++ side of coreai_opt.coreai_utils.ActivationStatistics: exact
// accumulation of each weight's input Gram matrix (with the GIL released),
// merging, and the statistics file's bytes.
//
//===----------------------------------------------------------------------===//

#include "StatisticsBindings.h"

#include "coreai/Compression/Parallel.h"

#include <pybind11/stl.h>

namespace py = pybind11;
using mlir::coreai::ActivationStatistics;
using mlir::coreai::StatisticsEntry;

void coreai_python::bindStatistics(py::module &m) {
  py::class_<ActivationStatistics>(m, "_Statistics")
      .def("add",
           [](ActivationStatistics &self, int64_t id, py::buffer data) {
             py::buffer_info info = data.request();
             if (info.format != py::format_descriptor<double>::format() ||
                 info.itemsize != 8)
               throw py::value_error("statistics take float64 data");
             std::vector<int64_t> shape(info.shape.begin(), info.shape.end());
             int64_t expected = 8;
             for (int64_t d = int64_t(shape.size()) - 1; d >= 0; --d) {
               if (shape[d] > 1 && info.strides[d] != expected)
                 throw py::value_error("statistics take C-contiguous data");
               expected *= shape[d];
             }
             std::string error;
             bool ok;
             {
               py::gil_scoped_release release;
               ok = self.add(id, shape, static_cast<const double *>(info.ptr),
                             mlir::coreai::clampThreadCount(0), error);
             }
             if (!ok)
               throw py::value_error(error);
           })
      .def("merge",
           [](ActivationStatistics &self, const ActivationStatistics &other) {
             std::string error;
             if (!self.merge(other, error))
               throw py::value_error(error);
           })
      .def("copy",
           [](const ActivationStatistics &self) {
             return ActivationStatistics(self);
           })
      .def("serialize",
           [](const ActivationStatistics &self) {
             std::string bytes;
             {
               py::gil_scoped_release release;
               bytes = self.serialize();
             }
             return py::bytes(bytes);
           })
      .def("save",
           [](const ActivationStatistics &self, const std::string &path) {
             std::string error;
             bool ok;
             {
               py::gil_scoped_release release;
               ok = self.save(path, error);
             }
             if (!ok)
               throw py::value_error(error);
           })
      .def("load",
           [](const ActivationStatistics &self, py::bytes bytes,
              const std::string &name) {
             ActivationStatistics result(self);
             std::string_view view(bytes);
             std::string error;
             bool ok;
             {
               py::gil_scoped_release release;
               ok = ActivationStatistics::load(
                   llvm::StringRef(view.data(), view.size()), name, result,
                   error);
             }
             if (!ok)
               throw py::value_error(error);
             return result;
           })
      .def("entries",
           [](const ActivationStatistics &self) {
             py::list out;
             for (const StatisticsEntry &e : self.getEntries()) {
               py::dict row;
               row["ids"] = e.ids;
               row["location"] = e.location;
               row["operand"] = e.dataOperand;
               row["shape"] = py::tuple(py::cast(e.dataShape));
               row["convolution"] = e.isConvolution;
               row["columns"] = e.columns;
               row["groups"] = e.groups;
               row["full"] = e.full;
               row["samples"] = e.samples;
               out.append(row);
             }
             return out;
           })
      .def("gram", [](const ActivationStatistics &self, int64_t id) {
        const StatisticsEntry *e = self.find(id);
        if (!e)
          throw py::value_error("weight " + std::to_string(id) +
                                ": no weight with this id takes a data input");
        mlir::coreai::InputStatistics s = e->getStatistics();
        return py::bytes(reinterpret_cast<const char *>(s.gram.data()),
                         s.gram.size() * sizeof(double));
      });
}
