# -*- Python -*-
# lit configuration of the coreai regression suite.

import os

import lit.formats
from lit.llvm import llvm_config

config.name = "COREAI"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.coreai_obj_root, "test")
config.excludes = ["Inputs", "Unit", "CMakeLists.txt", "lit.cfg.py"]

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

# FileCheck, not and count live only in LLVM's bindir on Debian.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
config.environment["FILECHECK_OPTS"] = (
    "-enable-var-scope --allow-unused-prefixes=false"
)

# The system mlir-opt and libMLIR.so are not instrumented: a sanitized plugin
# cannot be loaded into them, so the plugin tests need a plain build.
if config.coreai_sanitize:
    lit_config.note(
        "sanitizer build: test/Plugin is skipped (the system mlir-opt cannot "
        "load an instrumented plugin); the plain build runs it"
    )
else:
    config.available_features.add("plugin")

# Root ignores permissions: tests of read-only directories run as nobody.
import shutil
if os.geteuid() == 0 and shutil.which("setpriv"):
    config.available_features.add("as-nobody")
    config.substitutions.append(
        ("%as_nobody", "setpriv --reuid=65534 --regid=65534 --clear-groups"))
elif os.geteuid() != 0:
    config.available_features.add("as-nobody")
    config.substitutions.append(("%as_nobody", ""))

tools_dir = os.path.join(config.coreai_obj_root, "bin")
libs_dir = os.path.join(config.coreai_obj_root, "lib")
config.substitutions.append(("%coreai_libs", libs_dir))
config.substitutions.append(("%coreai_obj", config.coreai_obj_root))
config.substitutions.append(("%shlibext", config.llvm_shlib_ext))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(
    ("%coreai_src", config.coreai_src_root)
)
llvm_config.add_tool_substitutions(
    ["coreai-opt", "coreai-pass-bench", "coreai-bench", "mlir-opt"],
    [tools_dir, config.llvm_tools_dir],
)
