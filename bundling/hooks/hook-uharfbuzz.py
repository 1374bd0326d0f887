# PyInstaller hook for uharfbuzz, which ships none. reportlab imports uharfbuzz inside a
# try/except and, without it, prints Devanagari unshaped (or fails late): the module and its
# compiled extension must be in the bundle. Its test extension is left out.
from PyInstaller.utils.hooks import collect_dynamic_libs, collect_submodules, copy_metadata

hiddenimports = collect_submodules("uharfbuzz", filter=lambda name: "_test" not in name)
binaries = [b for b in collect_dynamic_libs("uharfbuzz") if "_test" not in b[0]]
datas = copy_metadata("uharfbuzz")
excludedimports = ["uharfbuzz._harfbuzz_test"]
