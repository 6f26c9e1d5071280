"""Run with the system python3 (python3-uno): convert DOCX files in one headless LibreOffice start.

Usage: /usr/bin/python3 lo_convert.py PROFILE_DIR JOBS_JSON
JOBS_JSON is a list of {"input", "output", "filter": "txt"|"pdf", "changes": "keep"|"accept"|"reject"}.
Accepting or rejecting uses the same commands as Edit > Track Changes > Accept All / Reject All.
"""

import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue

FILTERS = {
    "txt": ("Text (encoded)", "UTF8,LF,,"),
    "pdf": ("writer_pdf_Export", ""),
}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    raise SystemExit("LibreOffice did not start")


def main():
    profile, jobs = sys.argv[1], json.loads(sys.argv[2])
    pipe = "chairdesk" + uuid.uuid4().hex[:8]
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{os.path.abspath(profile)}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ctx = connect(pipe)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for job in jobs:
            url = uno.systemPathToFileUrl(os.path.abspath(job["input"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            frame = doc.getCurrentController().getFrame()
            if job["changes"] == "accept":
                dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
            elif job["changes"] == "reject":
                dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
            name, options = FILTERS[job["filter"]]
            args = [prop("FilterName", name), prop("Overwrite", True)]
            if options:
                args.append(prop("FilterOptions", options))
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["output"])), tuple(args))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away while terminating
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
