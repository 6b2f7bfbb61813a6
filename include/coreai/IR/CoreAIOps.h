//===- CoreAIOps.h - Core AI operations -------------------------*- C++ -*-===//

#ifndef COREAI_IR_COREAIOPS_H
#define COREAI_IR_COREAIOPS_H

#include "coreai/IR/CoreAIDialect.h"
#include "coreai/IR/CoreAIInterfaces.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "coreai/IR/CoreAIOps.h.inc"

#endif // COREAI_IR_COREAIOPS_H
