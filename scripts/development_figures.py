"""The figures that say whether the verdicts carry information, on the development material.

1. The development letters (the corpus in ../shared and the bundled seed letters in cases/),
   audited with `imrcheck audit`, split into the tuning and the validation half by a hash of the
   case number (`engine.summary.development_half`; the seeds, which have none, were the first
   letters the rules were written from and count as tuning). Per half: balanced accuracy, Cohen's
   kappa, both recalls, how many agreements rest on `insufficient`, the share of items `no_rule`,
   and only then the agreement rate.
2. The pre-submission scenarios, through `imrcheck check`: those in ../shared/check-scenarios
   and the development sets of those written for the project (cases/scenarios/written-a.yaml,
   written-c.yaml, written-d.yaml, written-e.yaml, written-g.yaml, written-i.yaml,
   written-j.yaml, written-l.yaml, written-m.yaml, written-n.yaml, written-o.yaml,
   written-p.yaml, written-r.yaml, written-s.yaml, written-t.yaml, written-u.yaml,
   written-w.yaml, written-x.yaml, written-y.yaml, written-aa.yaml, written-ab.yaml,
   written-ac.yaml, written-ad.yaml, written-ae.yaml, written-af.yaml, written-ag.yaml,
   written-ah.yaml, written-ai.yaml, written-aj.yaml, written-ak.yaml, written-al.yaml,
   written-am.yaml, written-an.yaml, written-ao.yaml, written-ap.yaml, written-aq.yaml,
   written-ar.yaml, written-as.yaml, written-at.yaml, written-au.yaml, written-av.yaml,
   written-aw.yaml, written-ax.yaml, written-ay.yaml, written-az.yaml, written-ba.yaml,
   written-bb.yaml, written-bc.yaml, written-bd.yaml, written-be.yaml, written-bf.yaml,
   written-bg.yaml, written-bh.yaml, written-bi.yaml, written-bj.yaml,
   written-bk.yaml, written-bl.yaml, written-bm.yaml, written-bn.yaml, written-bo.yaml,
   written-bp.yaml, written-bq.yaml, written-br.yaml, written-bs.yaml, written-bt.yaml,
   written-bu.yaml, written-bv.yaml, written-bw.yaml, written-bx.yaml, written-by.yaml,
   written-bz.yaml, written-ca.yaml, written-cb.yaml, written-cc.yaml, written-cd.yaml,
   written-ce.yaml, written-cf.yaml, written-cg.yaml, written-ch.yaml, written-ci.yaml,
   written-cj.yaml, written-ck.yaml, written-cl.yaml, written-cm.yaml, written-cn.yaml,
   written-co.yaml, written-cp.yaml, written-cq.yaml, written-cr.yaml, written-cs.yaml,
   written-ct.yaml, written-cu.yaml, written-cv.yaml, written-cw.yaml, written-cx.yaml,
   written-cy.yaml, written-cz.yaml, written-da.yaml, written-db.yaml, written-dc.yaml,
   written-dd.yaml, written-de.yaml, written-df.yaml, written-dg.yaml, written-dh.yaml,
   written-di.yaml, written-dj.yaml, written-dk.yaml, written-dl.yaml, written-dm.yaml,
   written-dn.yaml, written-do.yaml, written-dp.yaml, written-dq.yaml, written-dr.yaml,
   written-ds.yaml, written-dt.yaml, written-du.yaml, written-dv.yaml, written-dw.yaml,
   written-dx.yaml, written-dy.yaml, written-dz.yaml, written-ea.yaml, written-eb.yaml,
   written-ec.yaml, written-ed.yaml, written-ee.yaml, written-ef.yaml, written-eg.yaml,
   written-eh.yaml, written-ei.yaml, written-ej.yaml, written-ek.yaml, written-el.yaml,
   written-em.yaml, written-en.yaml, written-eo.yaml, written-ep.yaml, written-eq.yaml,
   written-er.yaml, written-es.yaml, written-et.yaml, written-eu.yaml, written-ev.yaml,
   written-ew.yaml, written-ex.yaml, written-ey.yaml, written-ez.yaml, written-fa.yaml,
   written-fb.yaml, written-fc.yaml, written-fd.yaml, written-fe.yaml, written-ff.yaml,
   written-fg.yaml, written-fh.yaml, written-fi.yaml, written-fj.yaml, written-fk.yaml,
   written-fl.yaml, written-fm.yaml, written-fn.yaml, written-fo.yaml, written-fp.yaml,
   written-fq.yaml, written-fr.yaml, written-fs.yaml, written-ft.yaml, written-fu.yaml,
   written-fv.yaml, written-fw.yaml, written-fx.yaml, written-fy.yaml, written-fz.yaml,
   written-ga.yaml, written-gb.yaml, written-gc.yaml, written-gd.yaml, written-ge.yaml,
   written-gf.yaml, written-gg.yaml, written-gh.yaml, written-gi.yaml, written-gj.yaml,
   written-gk.yaml, written-gl.yaml, written-gm.yaml, written-gn.yaml, written-go.yaml,
   written-gp.yaml, written-gq.yaml, written-gr.yaml, written-gs.yaml, written-gt.yaml,
   written-gu.yaml, written-gv.yaml, written-gw.yaml, written-gx.yaml, written-gy.yaml,
   written-gz.yaml, written-ha.yaml, written-hb.yaml, written-hc.yaml, written-hd.yaml,
   written-he.yaml, written-hf.yaml, written-hg.yaml, written-hh.yaml, written-hi.yaml,
   written-hj.yaml, written-hk.yaml, written-hl.yaml, written-hm.yaml, written-hn.yaml,
   written-ho.yaml, written-hp.yaml, written-hq.yaml, written-hr.yaml, written-hs.yaml,
   written-ht.yaml, written-hu.yaml, written-hv.yaml, written-hw.yaml, written-hx.yaml,
   written-hy.yaml, written-hz.yaml, written-ia.yaml and written-ib.yaml),
   per scenario the verdict and whether it is acceptable, and the count per era; the held-out
   sets (written-b.yaml, written-f.yaml, written-h.yaml, written-k.yaml, written-q.yaml,
   written-v.yaml, written-z.yaml, written-za.yaml, written-zb.yaml, written-zc.yaml,
   written-zd.yaml, written-ze.yaml, written-zf.yaml, written-zg.yaml, written-zh.yaml,
   written-zi.yaml, written-zj.yaml, written-zk.yaml, written-zl.yaml, written-zm.yaml,
   written-zn.yaml, written-zo.yaml, written-zp.yaml, written-zq.yaml, written-zr.yaml,
   written-zs.yaml, written-zt.yaml, written-zu.yaml, written-zv.yaml, written-zw.yaml,
   written-zx.yaml, written-zy.yaml, written-zz.yaml, written-zza.yaml, written-zzb.yaml,
   written-zzc.yaml, written-zzd.yaml, written-zze.yaml, written-zzf.yaml, written-zzg.yaml,
   written-zzh.yaml, written-zzi.yaml, written-zzj.yaml, written-zzk.yaml, written-zzl.yaml,
   written-zzm.yaml, written-zzn.yaml, written-zzo.yaml, written-zzp.yaml, written-zzq.yaml,
   written-zzr.yaml, written-zzs.yaml, written-zzt.yaml, written-zzu.yaml, written-zzv.yaml,
   written-zzw.yaml, written-zzx.yaml, written-zzy.yaml, written-zzz.yaml, written-zzza.yaml,
   written-zzzb.yaml, written-zzzc.yaml, written-zzzd.yaml, written-zzze.yaml,
   written-zzzf.yaml, written-zzzg.yaml, written-zzzh.yaml, written-zzzi.yaml,
   written-zzzj.yaml, written-zzzk.yaml, written-zzzl.yaml, written-zzzm.yaml,
   written-zzzn.yaml, written-zzzo.yaml, written-zzzp.yaml, written-zzzq.yaml,
   written-zzzr.yaml, written-zzzs.yaml, written-zzzt.yaml, written-zzzu.yaml,
   written-zzzv.yaml, written-zzzw.yaml, written-zzzx.yaml, written-zzzy.yaml,
   written-zzzz.yaml, written-zzzza.yaml, written-zzzzb.yaml, written-zzzzc.yaml,
   written-zzzzd.yaml, written-zzzze.yaml, written-zzzzf.yaml, written-zzzzg.yaml,
   written-zzzzh.yaml, written-zzzzi.yaml and written-zzzzj.yaml) by counts only,
   so that no scenario of them is looked at one by one.
   For each set, how many of the scenarios a reviewer would certify are certified.

It runs the installed command, as a user would, and prints plain text; `--json FILE` also writes
the figures. It is a report, not a test: it exits 0 whatever the figures.

Usage: python scripts/development_figures.py [--jobs N] [--json FILE] [--scenarios-only]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from engine.audit import AuditRecord, LetterResult
from engine.summary import DEVELOPMENT_HALVES, Summary, Tally, development_half

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "dwc-2016" / "txt"
SCENARIOS = SHARED / "check-scenarios" / "scenarios.yaml"
WRITTEN = REPO / "cases" / "scenarios"
# (title, file, whether its scenarios are listed one by one)
SCENARIO_SETS = (
    ("../shared/check-scenarios, a development set", SCENARIOS, True),
    ("cases/scenarios/written-a.yaml, the development half", WRITTEN / "written-a.yaml", True),
    ("cases/scenarios/written-c.yaml, a second development set", WRITTEN / "written-c.yaml", True),
    ("cases/scenarios/written-d.yaml, a third development set", WRITTEN / "written-d.yaml", True),
    ("cases/scenarios/written-e.yaml, a fourth development set", WRITTEN / "written-e.yaml", True),
    ("cases/scenarios/written-g.yaml, a fifth development set", WRITTEN / "written-g.yaml", True),
    ("cases/scenarios/written-i.yaml, a sixth development set", WRITTEN / "written-i.yaml", True),
    ("cases/scenarios/written-j.yaml, a seventh development set", WRITTEN / "written-j.yaml", True),
    ("cases/scenarios/written-l.yaml, an eighth development set", WRITTEN / "written-l.yaml", True),
    ("cases/scenarios/written-m.yaml, a ninth development set", WRITTEN / "written-m.yaml", True),
    ("cases/scenarios/written-n.yaml, a tenth development set", WRITTEN / "written-n.yaml", True),
    (
        "cases/scenarios/written-o.yaml, an eleventh development set",
        WRITTEN / "written-o.yaml",
        True,
    ),
    ("cases/scenarios/written-p.yaml, a twelfth development set", WRITTEN / "written-p.yaml", True),
    (
        "cases/scenarios/written-r.yaml, a thirteenth development set",
        WRITTEN / "written-r.yaml",
        True,
    ),
    (
        "cases/scenarios/written-s.yaml, a fourteenth development set",
        WRITTEN / "written-s.yaml",
        True,
    ),
    (
        "cases/scenarios/written-t.yaml, a fifteenth development set",
        WRITTEN / "written-t.yaml",
        True,
    ),
    (
        "cases/scenarios/written-u.yaml, a sixteenth development set",
        WRITTEN / "written-u.yaml",
        True,
    ),
    (
        "cases/scenarios/written-w.yaml, a seventeenth development set",
        WRITTEN / "written-w.yaml",
        True,
    ),
    (
        "cases/scenarios/written-x.yaml, an eighteenth development set",
        WRITTEN / "written-x.yaml",
        True,
    ),
    (
        "cases/scenarios/written-y.yaml, a nineteenth development set",
        WRITTEN / "written-y.yaml",
        True,
    ),
    (
        "cases/scenarios/written-aa.yaml, a twentieth development set",
        WRITTEN / "written-aa.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ab.yaml, a twenty-first development set",
        WRITTEN / "written-ab.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ac.yaml, a twenty-second development set",
        WRITTEN / "written-ac.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ad.yaml, a twenty-third development set",
        WRITTEN / "written-ad.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ae.yaml, a twenty-fourth development set",
        WRITTEN / "written-ae.yaml",
        True,
    ),
    (
        "cases/scenarios/written-af.yaml, a twenty-fifth development set",
        WRITTEN / "written-af.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ag.yaml, a twenty-sixth development set",
        WRITTEN / "written-ag.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ah.yaml, a twenty-seventh development set",
        WRITTEN / "written-ah.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ai.yaml, a twenty-eighth development set",
        WRITTEN / "written-ai.yaml",
        True,
    ),
    (
        "cases/scenarios/written-aj.yaml, a twenty-ninth development set",
        WRITTEN / "written-aj.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ak.yaml, a thirtieth development set",
        WRITTEN / "written-ak.yaml",
        True,
    ),
    (
        "cases/scenarios/written-al.yaml, a thirty-first development set",
        WRITTEN / "written-al.yaml",
        True,
    ),
    (
        "cases/scenarios/written-am.yaml, a thirty-second development set",
        WRITTEN / "written-am.yaml",
        True,
    ),
    (
        "cases/scenarios/written-an.yaml, a thirty-third development set",
        WRITTEN / "written-an.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ao.yaml, a thirty-fourth development set",
        WRITTEN / "written-ao.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ap.yaml, a thirty-fifth development set",
        WRITTEN / "written-ap.yaml",
        True,
    ),
    (
        "cases/scenarios/written-aq.yaml, a thirty-sixth development set",
        WRITTEN / "written-aq.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ar.yaml, a thirty-seventh development set",
        WRITTEN / "written-ar.yaml",
        True,
    ),
    (
        "cases/scenarios/written-as.yaml, a thirty-eighth development set",
        WRITTEN / "written-as.yaml",
        True,
    ),
    (
        "cases/scenarios/written-at.yaml, a thirty-ninth development set",
        WRITTEN / "written-at.yaml",
        True,
    ),
    (
        "cases/scenarios/written-au.yaml, a fortieth development set",
        WRITTEN / "written-au.yaml",
        True,
    ),
    (
        "cases/scenarios/written-av.yaml, a forty-first development set",
        WRITTEN / "written-av.yaml",
        True,
    ),
    (
        "cases/scenarios/written-aw.yaml, a forty-second development set",
        WRITTEN / "written-aw.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ax.yaml, a forty-third development set",
        WRITTEN / "written-ax.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ay.yaml, a forty-fourth development set",
        WRITTEN / "written-ay.yaml",
        True,
    ),
    (
        "cases/scenarios/written-az.yaml, a forty-fifth development set",
        WRITTEN / "written-az.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ba.yaml, a forty-sixth development set",
        WRITTEN / "written-ba.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bb.yaml, a forty-seventh development set",
        WRITTEN / "written-bb.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bc.yaml, a forty-eighth development set",
        WRITTEN / "written-bc.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bd.yaml, a forty-ninth development set",
        WRITTEN / "written-bd.yaml",
        True,
    ),
    (
        "cases/scenarios/written-be.yaml, a fiftieth development set",
        WRITTEN / "written-be.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bf.yaml, a fifty-first development set",
        WRITTEN / "written-bf.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bg.yaml, a fifty-second development set",
        WRITTEN / "written-bg.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bh.yaml, a fifty-third development set",
        WRITTEN / "written-bh.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bi.yaml, a fifty-fourth development set",
        WRITTEN / "written-bi.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bj.yaml, a fifty-fifth development set",
        WRITTEN / "written-bj.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bk.yaml, a fifty-sixth development set",
        WRITTEN / "written-bk.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bl.yaml, a fifty-seventh development set",
        WRITTEN / "written-bl.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bm.yaml, a fifty-eighth development set",
        WRITTEN / "written-bm.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bn.yaml, a fifty-ninth development set",
        WRITTEN / "written-bn.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bo.yaml, a sixtieth development set",
        WRITTEN / "written-bo.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bp.yaml, a sixty-first development set",
        WRITTEN / "written-bp.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bq.yaml, a sixty-second development set",
        WRITTEN / "written-bq.yaml",
        True,
    ),
    (
        "cases/scenarios/written-br.yaml, a sixty-third development set",
        WRITTEN / "written-br.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bs.yaml, a sixty-fourth development set",
        WRITTEN / "written-bs.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bt.yaml, a sixty-fifth development set",
        WRITTEN / "written-bt.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bu.yaml, a sixty-sixth development set",
        WRITTEN / "written-bu.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bv.yaml, a sixty-seventh development set",
        WRITTEN / "written-bv.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bw.yaml, a sixty-eighth development set",
        WRITTEN / "written-bw.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bx.yaml, a sixty-ninth development set",
        WRITTEN / "written-bx.yaml",
        True,
    ),
    (
        "cases/scenarios/written-by.yaml, a seventieth development set",
        WRITTEN / "written-by.yaml",
        True,
    ),
    (
        "cases/scenarios/written-bz.yaml, a seventy-first development set",
        WRITTEN / "written-bz.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ca.yaml, a seventy-second development set",
        WRITTEN / "written-ca.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cb.yaml, a seventy-third development set",
        WRITTEN / "written-cb.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cc.yaml, a seventy-fourth development set",
        WRITTEN / "written-cc.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cd.yaml, a seventy-fifth development set",
        WRITTEN / "written-cd.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ce.yaml, a seventy-sixth development set",
        WRITTEN / "written-ce.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cf.yaml, a seventy-seventh development set",
        WRITTEN / "written-cf.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cg.yaml, a seventy-eighth development set",
        WRITTEN / "written-cg.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ch.yaml, a seventy-ninth development set",
        WRITTEN / "written-ch.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ci.yaml, a eightieth development set",
        WRITTEN / "written-ci.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cj.yaml, a eighty-first development set",
        WRITTEN / "written-cj.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ck.yaml, a eighty-second development set",
        WRITTEN / "written-ck.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cl.yaml, a eighty-third development set",
        WRITTEN / "written-cl.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cm.yaml, a eighty-fourth development set",
        WRITTEN / "written-cm.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cn.yaml, a eighty-fifth development set",
        WRITTEN / "written-cn.yaml",
        True,
    ),
    (
        "cases/scenarios/written-co.yaml, a eighty-sixth development set",
        WRITTEN / "written-co.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cp.yaml, a eighty-seventh development set",
        WRITTEN / "written-cp.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cq.yaml, a eighty-eighth development set",
        WRITTEN / "written-cq.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cr.yaml, a eighty-ninth development set",
        WRITTEN / "written-cr.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cs.yaml, a ninetieth development set",
        WRITTEN / "written-cs.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ct.yaml, a ninety-first development set",
        WRITTEN / "written-ct.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cu.yaml, a ninety-second development set",
        WRITTEN / "written-cu.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cv.yaml, a ninety-third development set",
        WRITTEN / "written-cv.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cw.yaml, a ninety-fourth development set",
        WRITTEN / "written-cw.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cx.yaml, a ninety-fifth development set",
        WRITTEN / "written-cx.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cy.yaml, a ninety-sixth development set",
        WRITTEN / "written-cy.yaml",
        True,
    ),
    (
        "cases/scenarios/written-cz.yaml, a ninety-seventh development set",
        WRITTEN / "written-cz.yaml",
        True,
    ),
    (
        "cases/scenarios/written-da.yaml, a ninety-eighth development set",
        WRITTEN / "written-da.yaml",
        True,
    ),
    (
        "cases/scenarios/written-db.yaml, a ninety-ninth development set",
        WRITTEN / "written-db.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dc.yaml, a hundredth development set",
        WRITTEN / "written-dc.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dd.yaml, a hundred-and-first development set",
        WRITTEN / "written-dd.yaml",
        True,
    ),
    (
        "cases/scenarios/written-de.yaml, a hundred-and-second development set",
        WRITTEN / "written-de.yaml",
        True,
    ),
    (
        "cases/scenarios/written-df.yaml, a hundred-and-third development set",
        WRITTEN / "written-df.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dg.yaml, a hundred-and-fourth development set",
        WRITTEN / "written-dg.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dh.yaml, a hundred-and-fifth development set",
        WRITTEN / "written-dh.yaml",
        True,
    ),
    (
        "cases/scenarios/written-di.yaml, a hundred-and-sixth development set",
        WRITTEN / "written-di.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dj.yaml, a hundred-and-seventh development set",
        WRITTEN / "written-dj.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dk.yaml, a hundred-and-eighth development set",
        WRITTEN / "written-dk.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dl.yaml, a hundred-and-ninth development set",
        WRITTEN / "written-dl.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dm.yaml, a hundred-and-tenth development set",
        WRITTEN / "written-dm.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dn.yaml, a hundred-and-eleventh development set",
        WRITTEN / "written-dn.yaml",
        True,
    ),
    (
        "cases/scenarios/written-do.yaml, a hundred-and-twelfth development set",
        WRITTEN / "written-do.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dp.yaml, a hundred-and-thirteenth development set",
        WRITTEN / "written-dp.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dq.yaml, a hundred-and-fourteenth development set",
        WRITTEN / "written-dq.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dr.yaml, a hundred-and-fifteenth development set",
        WRITTEN / "written-dr.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ds.yaml, a hundred-and-sixteenth development set",
        WRITTEN / "written-ds.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dt.yaml, a hundred-and-seventeenth development set",
        WRITTEN / "written-dt.yaml",
        True,
    ),
    (
        "cases/scenarios/written-du.yaml, a hundred-and-eighteenth development set",
        WRITTEN / "written-du.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dv.yaml, a hundred-and-nineteenth development set",
        WRITTEN / "written-dv.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dw.yaml, a hundred-and-twentieth development set",
        WRITTEN / "written-dw.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dx.yaml, a hundred-and-twenty-first development set",
        WRITTEN / "written-dx.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dy.yaml, a hundred-and-twenty-second development set",
        WRITTEN / "written-dy.yaml",
        True,
    ),
    (
        "cases/scenarios/written-dz.yaml, a hundred-and-twenty-third development set",
        WRITTEN / "written-dz.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ea.yaml, a hundred-and-twenty-fourth development set",
        WRITTEN / "written-ea.yaml",
        True,
    ),
    (
        "cases/scenarios/written-eb.yaml, a hundred-and-twenty-fifth development set",
        WRITTEN / "written-eb.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ec.yaml, a hundred-and-twenty-sixth development set",
        WRITTEN / "written-ec.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ed.yaml, a hundred-and-twenty-seventh development set",
        WRITTEN / "written-ed.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ee.yaml, a hundred-and-twenty-eighth development set",
        WRITTEN / "written-ee.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ef.yaml, a hundred-and-twenty-ninth development set",
        WRITTEN / "written-ef.yaml",
        True,
    ),
    (
        "cases/scenarios/written-eg.yaml, a hundred-and-thirtieth development set",
        WRITTEN / "written-eg.yaml",
        True,
    ),
    (
        "cases/scenarios/written-eh.yaml, a hundred-and-thirty-first development set",
        WRITTEN / "written-eh.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ei.yaml, a hundred-and-thirty-second development set",
        WRITTEN / "written-ei.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ej.yaml, a hundred-and-thirty-third development set",
        WRITTEN / "written-ej.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ek.yaml, a hundred-and-thirty-fourth development set",
        WRITTEN / "written-ek.yaml",
        True,
    ),
    (
        "cases/scenarios/written-el.yaml, a hundred-and-thirty-fifth development set",
        WRITTEN / "written-el.yaml",
        True,
    ),
    (
        "cases/scenarios/written-em.yaml, a hundred-and-thirty-sixth development set",
        WRITTEN / "written-em.yaml",
        True,
    ),
    (
        "cases/scenarios/written-en.yaml, a hundred-and-thirty-seventh development set",
        WRITTEN / "written-en.yaml",
        True,
    ),
    (
        "cases/scenarios/written-eo.yaml, a hundred-and-thirty-eighth development set",
        WRITTEN / "written-eo.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ep.yaml, a hundred-and-thirty-ninth development set",
        WRITTEN / "written-ep.yaml",
        True,
    ),
    (
        "cases/scenarios/written-eq.yaml, a hundred-and-fortieth development set",
        WRITTEN / "written-eq.yaml",
        True,
    ),
    (
        "cases/scenarios/written-er.yaml, a hundred-and-forty-first development set",
        WRITTEN / "written-er.yaml",
        True,
    ),
    (
        "cases/scenarios/written-es.yaml, a hundred-and-forty-second development set",
        WRITTEN / "written-es.yaml",
        True,
    ),
    (
        "cases/scenarios/written-et.yaml, a hundred-and-forty-third development set",
        WRITTEN / "written-et.yaml",
        True,
    ),
    (
        "cases/scenarios/written-eu.yaml, a hundred-and-forty-fourth development set",
        WRITTEN / "written-eu.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ev.yaml, a hundred-and-forty-fifth development set",
        WRITTEN / "written-ev.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ew.yaml, a hundred-and-forty-sixth development set",
        WRITTEN / "written-ew.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ex.yaml, a hundred-and-forty-seventh development set",
        WRITTEN / "written-ex.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ey.yaml, a hundred-and-forty-eighth development set",
        WRITTEN / "written-ey.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ez.yaml, a hundred-and-forty-ninth development set",
        WRITTEN / "written-ez.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fa.yaml, a hundred-and-fiftieth development set",
        WRITTEN / "written-fa.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fb.yaml, a hundred-and-fifty-first development set",
        WRITTEN / "written-fb.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fc.yaml, a hundred-and-fifty-second development set",
        WRITTEN / "written-fc.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fd.yaml, a hundred-and-fifty-third development set",
        WRITTEN / "written-fd.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fe.yaml, a hundred-and-fifty-fourth development set",
        WRITTEN / "written-fe.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ff.yaml, a hundred-and-fifty-fifth development set",
        WRITTEN / "written-ff.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fg.yaml, a hundred-and-fifty-sixth development set",
        WRITTEN / "written-fg.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fh.yaml, a hundred-and-fifty-seventh development set",
        WRITTEN / "written-fh.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fi.yaml, a hundred-and-fifty-eighth development set",
        WRITTEN / "written-fi.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fj.yaml, a hundred-and-fifty-ninth development set",
        WRITTEN / "written-fj.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fk.yaml, a hundred-and-sixtieth development set",
        WRITTEN / "written-fk.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fl.yaml, a hundred-and-sixty-first development set",
        WRITTEN / "written-fl.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fm.yaml, a hundred-and-sixty-second development set",
        WRITTEN / "written-fm.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fn.yaml, a hundred-and-sixty-third development set",
        WRITTEN / "written-fn.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fo.yaml, a hundred-and-sixty-fourth development set",
        WRITTEN / "written-fo.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fp.yaml, a hundred-and-sixty-fifth development set",
        WRITTEN / "written-fp.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fq.yaml, a hundred-and-sixty-sixth development set",
        WRITTEN / "written-fq.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fr.yaml, a hundred-and-sixty-seventh development set",
        WRITTEN / "written-fr.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fs.yaml, a hundred-and-sixty-eighth development set",
        WRITTEN / "written-fs.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ft.yaml, a hundred-and-sixty-ninth development set",
        WRITTEN / "written-ft.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fu.yaml, a hundred-and-seventieth development set",
        WRITTEN / "written-fu.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fv.yaml, a hundred-and-seventy-first development set",
        WRITTEN / "written-fv.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fw.yaml, a hundred-and-seventy-second development set",
        WRITTEN / "written-fw.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fx.yaml, a hundred-and-seventy-third development set",
        WRITTEN / "written-fx.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fy.yaml, a hundred-and-seventy-fourth development set",
        WRITTEN / "written-fy.yaml",
        True,
    ),
    (
        "cases/scenarios/written-fz.yaml, a hundred-and-seventy-fifth development set",
        WRITTEN / "written-fz.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ga.yaml, a hundred-and-seventy-sixth development set",
        WRITTEN / "written-ga.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gb.yaml, a hundred-and-seventy-seventh development set",
        WRITTEN / "written-gb.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gc.yaml, a hundred-and-seventy-eighth development set",
        WRITTEN / "written-gc.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gd.yaml, a hundred-and-seventy-ninth development set",
        WRITTEN / "written-gd.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ge.yaml, a hundred-and-eightieth development set",
        WRITTEN / "written-ge.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gf.yaml, a hundred-and-eighty-first development set",
        WRITTEN / "written-gf.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gg.yaml, a hundred-and-eighty-second development set",
        WRITTEN / "written-gg.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gh.yaml, a hundred-and-eighty-third development set",
        WRITTEN / "written-gh.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gi.yaml, a hundred-and-eighty-fourth development set",
        WRITTEN / "written-gi.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gj.yaml, a hundred-and-eighty-fifth development set",
        WRITTEN / "written-gj.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gk.yaml, a hundred-and-eighty-sixth development set",
        WRITTEN / "written-gk.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gl.yaml, a hundred-and-eighty-seventh development set",
        WRITTEN / "written-gl.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gm.yaml, a hundred-and-eighty-eighth development set",
        WRITTEN / "written-gm.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gn.yaml, a hundred-and-eighty-ninth development set",
        WRITTEN / "written-gn.yaml",
        True,
    ),
    (
        "cases/scenarios/written-go.yaml, a hundred-and-ninetieth development set",
        WRITTEN / "written-go.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gp.yaml, a hundred-and-ninety-first development set",
        WRITTEN / "written-gp.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gq.yaml, a hundred-and-ninety-second development set",
        WRITTEN / "written-gq.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gr.yaml, a hundred-and-ninety-third development set",
        WRITTEN / "written-gr.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gs.yaml, a hundred-and-ninety-fourth development set",
        WRITTEN / "written-gs.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gt.yaml, a hundred-and-ninety-fifth development set",
        WRITTEN / "written-gt.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gu.yaml, a hundred-and-ninety-sixth development set",
        WRITTEN / "written-gu.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gv.yaml, a hundred-and-ninety-seventh development set",
        WRITTEN / "written-gv.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gw.yaml, a hundred-and-ninety-eighth development set",
        WRITTEN / "written-gw.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gx.yaml, a hundred-and-ninety-ninth development set",
        WRITTEN / "written-gx.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gy.yaml, a two-hundredth development set",
        WRITTEN / "written-gy.yaml",
        True,
    ),
    (
        "cases/scenarios/written-gz.yaml, a two-hundred-and-first development set",
        WRITTEN / "written-gz.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ha.yaml, a two-hundred-and-second development set",
        WRITTEN / "written-ha.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hb.yaml, a two-hundred-and-third development set",
        WRITTEN / "written-hb.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hc.yaml, a two-hundred-and-fourth development set",
        WRITTEN / "written-hc.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hd.yaml, a two-hundred-and-fifth development set",
        WRITTEN / "written-hd.yaml",
        True,
    ),
    (
        "cases/scenarios/written-he.yaml, a two-hundred-and-sixth development set",
        WRITTEN / "written-he.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hf.yaml, a two-hundred-and-seventh development set",
        WRITTEN / "written-hf.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hg.yaml, a two-hundred-and-eighth development set",
        WRITTEN / "written-hg.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hh.yaml, a two-hundred-and-ninth development set",
        WRITTEN / "written-hh.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hi.yaml, a two-hundred-and-tenth development set",
        WRITTEN / "written-hi.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hj.yaml, a two-hundred-and-eleventh development set",
        WRITTEN / "written-hj.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hk.yaml, a two-hundred-and-twelfth development set",
        WRITTEN / "written-hk.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hl.yaml, a two-hundred-and-thirteenth development set",
        WRITTEN / "written-hl.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hm.yaml, a two-hundred-and-fourteenth development set",
        WRITTEN / "written-hm.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hn.yaml, a two-hundred-and-fifteenth development set",
        WRITTEN / "written-hn.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ho.yaml, a two-hundred-and-sixteenth development set",
        WRITTEN / "written-ho.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hp.yaml, a two-hundred-and-seventeenth development set",
        WRITTEN / "written-hp.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hq.yaml, a two-hundred-and-eighteenth development set",
        WRITTEN / "written-hq.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hr.yaml, a two-hundred-and-nineteenth development set",
        WRITTEN / "written-hr.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hs.yaml, a two-hundred-and-twentieth development set",
        WRITTEN / "written-hs.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ht.yaml, a two-hundred-and-twenty-first development set",
        WRITTEN / "written-ht.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hu.yaml, a two-hundred-and-twenty-second development set",
        WRITTEN / "written-hu.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hv.yaml, a two-hundred-and-twenty-third development set",
        WRITTEN / "written-hv.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hw.yaml, a two-hundred-and-twenty-fourth development set",
        WRITTEN / "written-hw.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hx.yaml, a two-hundred-and-twenty-fifth development set",
        WRITTEN / "written-hx.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hy.yaml, a two-hundred-and-twenty-sixth development set",
        WRITTEN / "written-hy.yaml",
        True,
    ),
    (
        "cases/scenarios/written-hz.yaml, a two-hundred-and-twenty-seventh development set",
        WRITTEN / "written-hz.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ia.yaml, a two-hundred-and-twenty-eighth development set",
        WRITTEN / "written-ia.yaml",
        True,
    ),
    (
        "cases/scenarios/written-ib.yaml, a two-hundred-and-twenty-ninth development set",
        WRITTEN / "written-ib.yaml",
        True,
    ),
    ("cases/scenarios/written-b.yaml, held out: counts only", WRITTEN / "written-b.yaml", False),
    ("cases/scenarios/written-f.yaml, held out: counts only", WRITTEN / "written-f.yaml", False),
    ("cases/scenarios/written-h.yaml, held out: counts only", WRITTEN / "written-h.yaml", False),
    ("cases/scenarios/written-k.yaml, held out: counts only", WRITTEN / "written-k.yaml", False),
    ("cases/scenarios/written-q.yaml, held out: counts only", WRITTEN / "written-q.yaml", False),
    ("cases/scenarios/written-v.yaml, held out: counts only", WRITTEN / "written-v.yaml", False),
    ("cases/scenarios/written-z.yaml, held out: counts only", WRITTEN / "written-z.yaml", False),
    ("cases/scenarios/written-za.yaml, held out: counts only", WRITTEN / "written-za.yaml", False),
    ("cases/scenarios/written-zb.yaml, held out: counts only", WRITTEN / "written-zb.yaml", False),
    ("cases/scenarios/written-zc.yaml, held out: counts only", WRITTEN / "written-zc.yaml", False),
    ("cases/scenarios/written-zd.yaml, held out: counts only", WRITTEN / "written-zd.yaml", False),
    ("cases/scenarios/written-ze.yaml, held out: counts only", WRITTEN / "written-ze.yaml", False),
    ("cases/scenarios/written-zf.yaml, held out: counts only", WRITTEN / "written-zf.yaml", False),
    ("cases/scenarios/written-zg.yaml, held out: counts only", WRITTEN / "written-zg.yaml", False),
    ("cases/scenarios/written-zh.yaml, held out: counts only", WRITTEN / "written-zh.yaml", False),
    ("cases/scenarios/written-zi.yaml, held out: counts only", WRITTEN / "written-zi.yaml", False),
    ("cases/scenarios/written-zj.yaml, held out: counts only", WRITTEN / "written-zj.yaml", False),
    ("cases/scenarios/written-zk.yaml, held out: counts only", WRITTEN / "written-zk.yaml", False),
    ("cases/scenarios/written-zl.yaml, held out: counts only", WRITTEN / "written-zl.yaml", False),
    ("cases/scenarios/written-zm.yaml, held out: counts only", WRITTEN / "written-zm.yaml", False),
    ("cases/scenarios/written-zn.yaml, held out: counts only", WRITTEN / "written-zn.yaml", False),
    ("cases/scenarios/written-zo.yaml, held out: counts only", WRITTEN / "written-zo.yaml", False),
    ("cases/scenarios/written-zp.yaml, held out: counts only", WRITTEN / "written-zp.yaml", False),
    ("cases/scenarios/written-zq.yaml, held out: counts only", WRITTEN / "written-zq.yaml", False),
    ("cases/scenarios/written-zr.yaml, held out: counts only", WRITTEN / "written-zr.yaml", False),
    ("cases/scenarios/written-zs.yaml, held out: counts only", WRITTEN / "written-zs.yaml", False),
    ("cases/scenarios/written-zt.yaml, held out: counts only", WRITTEN / "written-zt.yaml", False),
    ("cases/scenarios/written-zu.yaml, held out: counts only", WRITTEN / "written-zu.yaml", False),
    ("cases/scenarios/written-zv.yaml, held out: counts only", WRITTEN / "written-zv.yaml", False),
    ("cases/scenarios/written-zw.yaml, held out: counts only", WRITTEN / "written-zw.yaml", False),
    ("cases/scenarios/written-zx.yaml, held out: counts only", WRITTEN / "written-zx.yaml", False),
    ("cases/scenarios/written-zy.yaml, held out: counts only", WRITTEN / "written-zy.yaml", False),
    ("cases/scenarios/written-zz.yaml, held out: counts only", WRITTEN / "written-zz.yaml", False),
    (
        "cases/scenarios/written-zzv.yaml, held out: counts only",
        WRITTEN / "written-zzv.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzw.yaml, held out: counts only",
        WRITTEN / "written-zzw.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzx.yaml, held out: counts only",
        WRITTEN / "written-zzx.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzy.yaml, held out: counts only",
        WRITTEN / "written-zzy.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzz.yaml, held out: counts only",
        WRITTEN / "written-zzz.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzza.yaml, held out: counts only",
        WRITTEN / "written-zzza.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzb.yaml, held out: counts only",
        WRITTEN / "written-zzzb.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzc.yaml, held out: counts only",
        WRITTEN / "written-zzzc.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzd.yaml, held out: counts only",
        WRITTEN / "written-zzzd.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzze.yaml, held out: counts only",
        WRITTEN / "written-zzze.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzf.yaml, held out: counts only",
        WRITTEN / "written-zzzf.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzg.yaml, held out: counts only",
        WRITTEN / "written-zzzg.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzh.yaml, held out: counts only",
        WRITTEN / "written-zzzh.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzi.yaml, held out: counts only",
        WRITTEN / "written-zzzi.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzj.yaml, held out: counts only",
        WRITTEN / "written-zzzj.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzk.yaml, held out: counts only",
        WRITTEN / "written-zzzk.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzl.yaml, held out: counts only",
        WRITTEN / "written-zzzl.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzm.yaml, held out: counts only",
        WRITTEN / "written-zzzm.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzn.yaml, held out: counts only",
        WRITTEN / "written-zzzn.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzo.yaml, held out: counts only",
        WRITTEN / "written-zzzo.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzp.yaml, held out: counts only",
        WRITTEN / "written-zzzp.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzq.yaml, held out: counts only",
        WRITTEN / "written-zzzq.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzr.yaml, held out: counts only",
        WRITTEN / "written-zzzr.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzs.yaml, held out: counts only",
        WRITTEN / "written-zzzs.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzt.yaml, held out: counts only",
        WRITTEN / "written-zzzt.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzu.yaml, held out: counts only",
        WRITTEN / "written-zzzu.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzv.yaml, held out: counts only",
        WRITTEN / "written-zzzv.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzw.yaml, held out: counts only",
        WRITTEN / "written-zzzw.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzx.yaml, held out: counts only",
        WRITTEN / "written-zzzx.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzy.yaml, held out: counts only",
        WRITTEN / "written-zzzy.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzz.yaml, held out: counts only",
        WRITTEN / "written-zzzz.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzza.yaml, held out: counts only",
        WRITTEN / "written-zzzza.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzzb.yaml, held out: counts only",
        WRITTEN / "written-zzzzb.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzzc.yaml, held out: counts only",
        WRITTEN / "written-zzzzc.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzzd.yaml, held out: counts only",
        WRITTEN / "written-zzzzd.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzze.yaml, held out: counts only",
        WRITTEN / "written-zzzze.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzzf.yaml, held out: counts only",
        WRITTEN / "written-zzzzf.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzzg.yaml, held out: counts only",
        WRITTEN / "written-zzzzg.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzzh.yaml, held out: counts only",
        WRITTEN / "written-zzzzh.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzzi.yaml, held out: counts only",
        WRITTEN / "written-zzzzi.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzzzj.yaml, held out: counts only",
        WRITTEN / "written-zzzzj.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzt.yaml, held out: counts only",
        WRITTEN / "written-zzt.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzu.yaml, held out: counts only",
        WRITTEN / "written-zzu.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzq.yaml, held out: counts only",
        WRITTEN / "written-zzq.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzr.yaml, held out: counts only",
        WRITTEN / "written-zzr.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzs.yaml, held out: counts only",
        WRITTEN / "written-zzs.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzn.yaml, held out: counts only",
        WRITTEN / "written-zzn.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzo.yaml, held out: counts only",
        WRITTEN / "written-zzo.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzp.yaml, held out: counts only",
        WRITTEN / "written-zzp.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzl.yaml, held out: counts only",
        WRITTEN / "written-zzl.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzm.yaml, held out: counts only",
        WRITTEN / "written-zzm.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzi.yaml, held out: counts only",
        WRITTEN / "written-zzi.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzj.yaml, held out: counts only",
        WRITTEN / "written-zzj.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzk.yaml, held out: counts only",
        WRITTEN / "written-zzk.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzg.yaml, held out: counts only",
        WRITTEN / "written-zzg.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzh.yaml, held out: counts only",
        WRITTEN / "written-zzh.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zze.yaml, held out: counts only",
        WRITTEN / "written-zze.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzf.yaml, held out: counts only",
        WRITTEN / "written-zzf.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zza.yaml, held out: counts only",
        WRITTEN / "written-zza.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzb.yaml, held out: counts only",
        WRITTEN / "written-zzb.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzc.yaml, held out: counts only",
        WRITTEN / "written-zzc.yaml",
        False,
    ),
    (
        "cases/scenarios/written-zzd.yaml, held out: counts only",
        WRITTEN / "written-zzd.yaml",
        False,
    ),
)
# Scenarios dated from this day on are judged by the current MTUS (ACOEM-based, the formulary).
CURRENT_ERA_FROM = "2017-12-01"


def imrcheck(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "cli.py"), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def half_of(record: AuditRecord) -> str:
    return development_half(record.case_number) if record.case_number else "tuning"


def audit_halves(jobs: int) -> dict[str, Summary]:
    run = imrcheck("audit", str(REPO / "cases"), str(CORPUS), "-f", "jsonl", "-q", "-j", str(jobs))
    if run.returncode not in (0, 1):
        sys.exit(f"imrcheck audit failed ({run.returncode}): {run.stderr.strip()[-500:]}")
    by_letter: dict[str, list[AuditRecord]] = {}
    for line in run.stdout.splitlines():
        row = json.loads(line)
        if "error" in row:
            print(f"{row['letter']}: error: {row['error']}", file=sys.stderr)
            continue
        by_letter.setdefault(row["letter"], []).append(AuditRecord.model_validate(row))
    tallies = {half: Tally() for half in (*DEVELOPMENT_HALVES, "both")}
    for letter, records in by_letter.items():
        result = LetterResult(
            letter=letter, letter_sha256=records[0].letter_sha256, records=records
        )
        tallies[half_of(records[0])].add_result(result)
        tallies["both"].add_result(result)
    return {half: tally.summary() for half, tally in tallies.items()}


def share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "n/a"


def figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def print_halves(summaries: dict[str, Summary]) -> None:
    rows = [
        ("letters", lambda s: str(s.letters)),
        ("disputed items", lambda s: str(s.items)),
        ("overturned items", lambda s: str(s.reviewer_decisions.overturned)),
        ("balanced accuracy", lambda s: figure(s.balanced_accuracy)),
        ("Cohen's kappa", lambda s: figure(s.kappa)),
        (
            "overturned recall",
            lambda s: (
                f"{figure(s.overturned_recall)} "
                f"({s.confusion.overturned.certify} of {s.reviewer_decisions.overturned} certified)"
            ),
        ),
        ("upheld recall", lambda s: figure(s.upheld_recall)),
        (
            "agreements resting on insufficient",
            lambda s: f"{s.agreed_on_insufficient} of {s.agreed}",
        ),
        ("items no_rule", lambda s: f"{s.verdicts.no_rule} ({share(s.verdicts.no_rule, s.items)})"),
        (
            "items insufficient",
            lambda s: f"{s.verdicts.insufficient} ({share(s.verdicts.insufficient, s.items)})",
        ),
        ("agreement rate", lambda s: f"{figure(s.agreement_rate)} ({s.agreed} of {s.compared})"),
    ]
    halves = list(summaries)
    width = max(len(label) for label, _ in rows)
    print("Development letters, by half (never tune on the validation half):")
    print(" " * width + "  " + "  ".join(f"{h:<26}" for h in halves))
    for label, value in rows:
        print(f"{label:<{width}}  " + "  ".join(f"{value(summaries[h]):<26}" for h in halves))


def run_scenarios(path: Path) -> list[dict[str, str]]:
    results = []
    scenarios = yaml.safe_load(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        notes = Path(scratch) / "notes.txt"
        for scenario in scenarios:
            notes.write_text(scenario["notes"], encoding="utf-8")
            run = imrcheck(
                "check", "--request", scenario["request"], "--notes", str(notes),
                "--date", str(scenario["date"]), "--format", "json",
            )  # fmt: skip
            try:
                verdict = json.loads(run.stdout)["verdict"]
            except (ValueError, KeyError):
                verdict = f"error: {run.stderr.strip()[:120]}"
            results.append(
                {
                    "id": scenario["id"],
                    "era": "2026" if str(scenario["date"]) >= CURRENT_ERA_FROM else "before 2018",
                    "verdict": verdict,
                    "accept": " or ".join(scenario["accept"]),
                    "acceptable": verdict in scenario["accept"],
                    "certify_only": scenario["accept"] == ["certify"],
                }
            )
    return results


def print_scenarios(title: str, results: list[dict], one_by_one: bool) -> None:
    print(f"\nPre-submission scenarios ({title}):")
    to_certify = [r for r in results if r["certify_only"]]
    certified = sum(r["verdict"] == "certify" for r in to_certify)
    print(f"those a reviewer would certify: {certified} of {len(to_certify)} certified")
    for era in ("before 2018", "2026"):
        mine = [r for r in results if r["era"] == era]
        good = sum(r["acceptable"] for r in mine)
        print(f"{era}: {good} of {len(mine)} acceptable")
        if one_by_one:
            for r in mine:
                mark = "ok " if r["acceptable"] else "NO "
                print(f"  {mark} {r['id']:<48} {r['verdict']:<13} (accept {r['accept']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--scenarios-only", action="store_true")
    options = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit("../shared is not beside the repository: nothing to measure")
    figures: dict = {}
    if not options.scenarios_only:
        summaries = audit_halves(options.jobs)
        print_halves(summaries)
        figures["halves"] = {
            half: summary.model_dump(exclude={"by_rule", "disagreements", "failures"})
            for half, summary in summaries.items()
        }
    for title, path, one_by_one in SCENARIO_SETS:
        results = run_scenarios(path)
        print_scenarios(title, results, one_by_one)
        figures.setdefault("scenario_sets", {})[path.stem] = (
            results
            if one_by_one
            else {
                "acceptable": sum(r["acceptable"] for r in results),
                "scenarios": len(results),
                "to_certify": sum(r["certify_only"] for r in results),
                "certified": sum(r["certify_only"] and r["verdict"] == "certify" for r in results),
            }
        )
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
