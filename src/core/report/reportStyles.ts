/** Progress bar widths as classes: the report's CSP allows no style attributes. */
const WIDTHS = Array.from({ length: 21 }, (_, i) => `.bar.w${i * 5}{width:${i * 5}%}`).join('')

/**
 * The report's only styles. Black on white, states spelled out in words (never colour alone), page breaks kept out
 * of rows and cards; 15 mm margins fit both A4 and Letter.
 */
export function reportStyles(): string {
  return `
:root{color-scheme:light;--ink:#1a1a1a;--quiet:#555;--line:#c8c8c8;--pass:#1e6b34;--warn:#7a5200;--fail:#a11a1a}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);font:10.5pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:180mm;margin:0 auto;padding:12mm 0}
h1{font-size:17pt;margin:0 0 3mm}
h2{font-size:13pt;margin:8mm 0 3mm;padding-bottom:1mm;border-bottom:1.5pt solid var(--ink);break-after:avoid}
h3{font-size:11pt;margin:4mm 0 2mm;break-after:avoid}
h4{font-size:10pt;margin:2mm 0 1mm;color:var(--quiet)}
dl.facts{display:grid;grid-template-columns:38mm 1fr;gap:1mm 4mm;margin:3mm 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.mono-values dd,.value,pre.block,.where{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
.mono-values dd,.value{font-size:9.5pt}
.progress{height:3mm;border:0.75pt solid var(--ink);border-radius:1.5mm;overflow:hidden;margin:2mm 0 4mm;max-width:90mm}
.bar{height:100%;background:var(--ink)}
${WIDTHS}
table{width:100%;border-collapse:collapse;margin:2mm 0}
th,td{border:0.75pt solid var(--line);padding:1.5mm 2mm;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}
table.values th{width:38mm}
tr{break-inside:avoid}
.value{overflow-wrap:anywhere}
pre.block{margin:0;font-size:8pt;white-space:pre-wrap;word-break:break-all}
.where{margin-top:1mm;color:var(--quiet);font-size:8.5pt;font-family:inherit}
.missing{color:var(--fail);font-style:italic}
.value-error{margin-top:1mm;color:var(--fail)}
.value-warning{margin-top:1mm;color:var(--warn)}
.quiet,.ok-note{color:var(--quiet)}
.notes{white-space:pre-wrap}
.card,.check{break-inside:avoid}
.badge{display:inline-block;font-size:8.5pt;font-weight:700;padding:0 1.5mm;border:0.75pt solid currentColor;border-radius:1mm;vertical-align:middle}
.badge.pass{color:var(--pass)}.badge.warn{color:var(--warn)}.badge.fail{color:var(--fail)}.badge.skipped,.badge.open{color:var(--quiet)}
.fix{margin-top:1mm}
.num{white-space:nowrap;text-align:right;color:var(--quiet);width:20mm}
ol.steps{padding-left:0;list-style:none}
li.step{break-inside:avoid;margin-bottom:2mm}
ul.ticks{list-style:none;padding-left:2mm;margin:0}
ul.ticks li{margin:0.5mm 0}
.tick{font-size:11pt}
.state{color:var(--quiet);font-size:8.5pt}
li.not-done .tick{color:var(--quiet)}
li.out-of-date,li.unrecorded,li.failed,.stale{color:var(--fail)}
.overview .headline{font-size:11.5pt;font-weight:600}
.overview ul{margin:0 0 2mm}
ul.warnings li{color:var(--warn)}
.alert{border:1.5pt solid var(--fail);padding:2mm 3mm;color:var(--fail)}
ol.timeline{padding-left:5mm}
ol.timeline time{display:inline-block;min-width:40mm;font-weight:600}
footer{margin-top:8mm;padding-top:2mm;border-top:0.75pt solid var(--line);color:var(--quiet);font-size:8.5pt}
@page{margin:15mm}
@media print{main{max-width:none;padding:0}body{print-color-adjust:exact;-webkit-print-color-adjust:exact}a{color:inherit}}
`
}
