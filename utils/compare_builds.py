#!/usr/bin/env python3
"""Compares the decoded weights and stored sizes of two coreai-opt builds.

  utils/compare_builds.py OLD_COREAI_OPT NEW_COREAI_OPT [PROGRAM...]

For every compression pipeline of the lit suite (on its own input) and every
scheme of utils/bench.py (on each PROGRAM), runs both builds, materializes
both outputs with the new build and compares the decoded programs (SHA-256 of
the generic form) and the weight report's stored bytes per weight. Splat
weights are varied first (test-coreai-vary-splats, new build) so that both
builds compress the same non-splat data. Refactors that must not change the
numbers (the IR may be built in another order) are checked with it.
"""
import glob, os, re, subprocess, sys, hashlib, tempfile
OLD, NEW = sys.argv[1], sys.argv[2]
T = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'Transforms')
TMP = tempfile.mkdtemp()
pairs=set()
for f in sorted(glob.glob(T+'/*.mlir')):
    for line in open(f):
        m=re.match(r'// RUN: coreai-opt (\S+) .*--pass-pipeline=\'builtin\.module\((.*?)\)\'', line)
        if not m or '%t' in m.group(1): continue
        inp=m.group(1).replace('%s',f).replace('%S',T)
        pipe=m.group(2).replace('%S',T)
        if '%t' in pipe or 'test-coreai-weight' in pipe: continue
        pipe=pipe.replace('test-coreai-vary-splats,','')
        pipe=re.sub(r',?coreai-(materialize-weights|weight-report)(\{[^}]*\})?','',pipe)
        if not pipe or not re.search(r'coreai-(quantize|palettize|sparsify|compress)-weights',pipe): continue
        split='-split-input-file' in line
        pairs.add((inp,pipe,split))
for p in ["coreai-quantize-weights{dtype=int8}","coreai-quantize-weights{dtype=int4 granularity=per_block}","coreai-quantize-weights{dtype=fp8_e4m3fn}","coreai-quantize-weights{dtype=fp4_e2m1fn granularity=per_block}","coreai-palettize-weights{granularity=per_channel}","coreai-palettize-weights{granularity=per_grouped_channel group-size=32}","coreai-palettize-weights{n-bits=8}","coreai-palettize-weights{cluster-dim=2}","coreai-sparsify-weights{n-m-ratio=2,4}","coreai-sparsify-weights{block-size=2}","coreai-sparsify-weights{quantize-dtype=int8}","coreai-sparsify-weights{palettize-nbits=4}","coreai-quantize-weights{dtype=int4 granularity=per_block scale-search=mse}","coreai-quantize-weights{dtype=int4 granularity=per_block scale-search=minmax}","coreai-compress-weights{bits-per-weight=4.5}","coreai-compress-weights{bits-per-weight=5.25}"]:
    for inp in sys.argv[3:]:
        pairs.add((inp,p,False))
ok=bad=0
for inp,pipe,split in sorted(pairs):
    # vary splats first so that both builds compress the same non-splat data
    base=['-split-input-file'] if split else []
    pre=subprocess.run([NEW,inp,'--mlir-print-debuginfo','--pass-pipeline=builtin.module(test-coreai-vary-splats)','-o',os.path.join(TMP, 'in.mlir')]+base,capture_output=True)
    if pre.returncode: continue
    outs=[]
    for b in (OLD,NEW):
        r=subprocess.run([b,os.path.join(TMP, 'in.mlir'),'--pass-pipeline=builtin.module(%s)'%pipe,'-o',os.path.join(TMP, 'o.mlir')]+base,capture_output=True,text=True)
        if r.returncode: outs.append(('fail',r.stderr[-200:])); continue
        m=subprocess.run([NEW,os.path.join(TMP, 'o.mlir'),'--pass-pipeline=builtin.module(coreai-weight-report{format=json})','-o','/dev/null']+base,capture_output=True,text=True)
        rep=m.stdout
        sizes=re.findall(r'"bytes_after":\s*(\d+)',rep)
        d=subprocess.run([NEW,os.path.join(TMP, 'o.mlir'),'--pass-pipeline=builtin.module(coreai-materialize-weights)','--mlir-print-op-generic']+base,capture_output=True)
        outs.append((hashlib.sha256(d.stdout).hexdigest(),sizes))
    if outs[0]==outs[1]: ok+=1
    else:
        bad += 1
        print('DIFF',os.path.basename(inp),pipe,str(outs)[:300])
print('identical', ok, 'different', bad)
sys.exit(1 if bad else 0)
