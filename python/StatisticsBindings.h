//===- StatisticsBindings.h - ActivationStatistics for Python --*- C++ -*-===//

#ifndef COREAI_PYTHON_STATISTICSBINDINGS_H
#define COREAI_PYTHON_STATISTICSBINDINGS_H

#include "coreai/Statistics/ActivationStatistics.h"

#include <pybind11/pybind11.h>

namespace coreai_python {
/// Binds `_Statistics` (coreai::ActivationStatistics) into `m`.
void bindStatistics(pybind11::module &m);
} // namespace coreai_python

#endif // COREAI_PYTHON_STATISTICSBINDINGS_H
