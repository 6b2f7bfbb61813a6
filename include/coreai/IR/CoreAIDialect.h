//===- CoreAIDialect.h - Core AI dialect ------------------------*- C++ -*-===//

#ifndef COREAI_IR_COREAIDIALECT_H
#define COREAI_IR_COREAIDIALECT_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpImplementation.h"

#include "coreai/IR/CoreAIDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "coreai/IR/CoreAITypes.h.inc"

#define GET_ATTRDEF_CLASSES
#include "coreai/IR/CoreAIAttrs.h.inc"

#endif // COREAI_IR_COREAIDIALECT_H
