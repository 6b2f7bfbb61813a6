"""The `_core` extension of `coreai_opt`, built by the project's CMake build
(see pyproject.toml). A CMake build directory named by $COREAI_BUILD_DIR is
reused as it is configured; otherwise build/pip is configured as
utils/build.sh configures build/ (clang-22, Ninja, MLIR 22 from Debian)."""
import glob
import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = os.environ.get("COREAI_BUILD_DIR") or os.path.join("build", "pip")
        build = os.path.join(ROOT, build)
        if not os.path.exists(os.path.join(build, "build.ninja")):
            llvm = subprocess.run(["llvm-config-22", "--cmakedir"], check=True,
                                  capture_output=True, text=True).stdout.strip()
            bindir = subprocess.run(["llvm-config-22", "--bindir"], check=True,
                                    capture_output=True, text=True).stdout.strip()
            launcher = []
            if shutil.which("ccache"):
                launcher = ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache",
                            "-DCMAKE_C_COMPILER_LAUNCHER=ccache"]
            subprocess.run(["cmake", "-G", "Ninja", "-S", ROOT, "-B", build,
                            "-DCMAKE_BUILD_TYPE=Release",
                            "-DCMAKE_C_COMPILER=clang-22", "-DCMAKE_CXX_COMPILER=clang++-22",
                            "-DMLIR_DIR=%s/../mlir" % llvm,
                            "-DLLVM_EXTERNAL_LIT=%s/lit" % bindir,
                            "-DPython3_EXECUTABLE=%s" % sys.executable] + launcher,
                           check=True)
        jobs = os.environ.get("COREAI_JOBS", "2")
        subprocess.run(["cmake", "--build", build, "--target", "CoreAIOptPython", "-j", jobs],
                       check=True)
        built = glob.glob(os.path.join(build, "python_packages", "coreai_opt", "_core*.so"))
        if len(built) != 1:
            raise RuntimeError("the CMake build made %d _core modules in %s"
                               % (len(built), build))
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(built[0], target)


os.makedirs(os.path.join(ROOT, "build", "setuptools"), exist_ok=True)
setup(ext_modules=[Extension("coreai_opt._core", sources=[])],
      cmdclass={"build_ext": CMakeBuild},
      options={"build": {"build_base": os.path.join("build", "setuptools")},
               "egg_info": {"egg_base": os.path.join("build", "setuptools")}})
