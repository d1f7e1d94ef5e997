"""Output formats of `sip validate`, one module each, with `write(run, stream, style)`; named in
sip/output/formats.py with every other command's formats."""
