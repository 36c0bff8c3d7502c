/**
 * The whole stylesheet, served from /assets/app.css (the CSP allows no inline styles). System fonts:
 * the GOV.UK font and crown are reserved for GOV.UK. Colours meet WCAG 2.2 AA contrast.
 */
export const appCss = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#0b0c0c;background:#fff}
/* A word too long for a phone (an address in a history line) wraps rather than widening the page. */
body{margin:0;overflow-wrap:break-word}
.width-container{max-width:60rem;margin:0 auto;padding:0 1rem}
/* As specific as .width-container, whose padding shorthand would otherwise take the top and bottom away. */
main.width-container{padding-top:1.5rem;padding-bottom:3rem}
.skip-link{position:absolute;left:-9999px}
.skip-link:focus{position:static;display:block;padding:.5rem 1rem;background:#fd0;color:#0b0c0c}
.site-header{background:#0b0c0c;color:#fff;padding:.75rem 0}
.site-name{font-weight:700;font-size:1.125rem}
/* Side by side, or the force's name on a line of its own at 320 px, not indented by the gap. */
.site-header .width-container{display:flex;flex-wrap:wrap;column-gap:.5rem;align-items:baseline}
.force-name{color:#fff}
h1{font-size:2rem;line-height:1.2;margin:0 0 1.5rem}
h2{font-size:1.5rem;margin:2rem 0 1rem}
a{color:#1d70b8}
a:visited{color:#4c2c92}
a:focus,button:focus,input:focus,textarea:focus,select:focus,summary:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.5rem .5rem .5rem 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
.tag{display:inline-block;padding:0 .4rem;font-weight:700;font-size:.875rem}
.tag-stale{background:#fcd6c3;color:#6e3619}
.tag-overdue{background:#f4cdc6;color:#2a0b06}
/* Phones: every table stacks, one row to a block, and its thead goes off screen; each td's data-label
   puts its column heading back beside the value (test/web/stacked-tables.test.ts holds every td to it). */
@media (max-width:40rem){h1{font-size:1.5rem}h2{font-size:1.25rem}table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}td{border:0;padding:.25rem 0;overflow-wrap:anywhere}tr{border-bottom:1px solid #b1b4b6;padding:.5rem 0}td[data-label]::before{content:attr(data-label) ": ";font-weight:700}td[data-label]:empty{display:none}}
/* owner pages */
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);border:0;white-space:nowrap}
.lead{font-size:1.1875rem}
.caption{display:block;color:#505a5f;font-size:1rem;margin:0 0 .25rem}
.hint{color:#505a5f;margin:0 0 .5rem}
.prose{white-space:pre-line;overflow-wrap:anywhere;margin:0 0 1rem}
.back-link{display:inline-block;margin-bottom:1rem;color:#0b0c0c}
.back-link::before{content:"‹ "}
.button{display:inline-block;font:inherit;font-weight:700;line-height:1.2;padding:.5rem .9rem;border:2px solid transparent;border-radius:0;background:#00703c;color:#fff;box-shadow:0 2px 0 #002d18;text-decoration:none;cursor:pointer;margin:0 0 1rem}
.button:visited,.button:hover{color:#fff}
.button:hover{background:#005a30}
.button-warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
.button-warning:hover{background:#aa2a16}
/* After the variants' hover colours and more specific than them: a focused button stays yellow under the pointer. */
.button:focus,.button:focus:hover{background:#fd0;color:#0b0c0c;box-shadow:0 2px 0 #0b0c0c;outline:3px solid transparent}
.action-list{list-style:none;margin:0;padding:0}
.action-card{border-top:1px solid #b1b4b6;padding:1rem 0 .5rem}
.action-card-title{font-size:1.375rem;margin:0 0 .25rem;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem}
.tag-closure{background:#bbd4ea;color:#0c2d4a}
.summary-list{margin:0 0 1rem}
.summary-list>div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:.4rem 0}
.summary-list dt{font-weight:700;flex:0 0 12rem;max-width:100%}
.summary-list dd{margin:0;flex:1 1 12rem}
.summary-list-compact>div{border:0;padding:0}
.summary-list-compact dt{flex-basis:8rem}
.form-group{margin:0 0 1.75rem}
.form-group-error{border-left:5px solid #d4351c;padding-left:.9rem}
.label,.legend{display:block;font-weight:400;margin:0 0 .3rem}
.label-bold,.legend{font-weight:700;font-size:1.1875rem}
.fieldset{border:0;margin:0;padding:0;min-width:0}
.textarea,.input,.select{font:inherit;display:block;width:100%;max-width:40rem;padding:.35rem;border:2px solid #0b0c0c;border-radius:0;background:#fff;color:#0b0c0c}
.input-year{width:5.5rem}
.select{width:auto;min-width:10rem;max-width:100%}
.textarea:focus,.input:focus,.select:focus{outline:3px solid #fd0;box-shadow:inset 0 0 0 2px #0b0c0c}
.form-group-error .textarea,.input-error,.select-error{border-color:#d4351c}
.error-message{color:#d4351c;font-weight:700;margin:0 0 .4rem}
.error-summary{border:5px solid #d4351c;padding:1rem;margin:0 0 2rem}
.error-summary:focus,.notification-success:focus,.notification-important:focus{outline:3px solid #fd0}
.error-summary-title{margin:0 0 .75rem;font-size:1.375rem}
.error-summary-list{margin:0;padding:0;list-style:none}
.error-summary-list a{color:#d4351c;font-weight:700}
.radios .radio,.checkbox{position:relative;padding-left:2.5rem;margin-bottom:.6rem}
.radio input,.checkbox input{position:absolute;left:0;top:0;width:1.75rem;height:1.75rem;margin:0;accent-color:#0b0c0c}
.radio label,.checkbox label{display:inline-block;padding-top:.1rem;cursor:pointer}
.radio-hint{margin:0}
.date-input{display:flex;flex-wrap:wrap;gap:1rem}
.notification-success,.notification-important{border:5px solid #00703c;padding:1rem;margin:0 0 2rem}
.notification-important{border-color:#1d70b8}
.notification-title{margin:0 0 .5rem;font-size:1.375rem}
.warning-text{border-left:5px solid #0b0c0c;padding:.25rem 0 .25rem 1rem;margin:0 0 1.5rem;font-weight:700}
.unsaved{font-weight:400;background:#f3f2f1;padding:.5rem}
.update-entry{border-left:4px solid #b1b4b6;padding-left:.9rem;margin:0 0 1rem}
.update-meta{color:#505a5f;margin:0 0 .25rem}
.change-list{margin:0 0 .5rem;padding-left:1.25rem}
.compare{display:flex;flex-wrap:wrap;gap:0 2rem}
.compare-column{flex:1 1 16rem;min-width:0}
.admin-nav{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem 1rem;border-bottom:1px solid #b1b4b6;margin:1rem 0 0;padding:0 0 .5rem}
.admin-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
.admin-nav a[aria-current=page]{font-weight:700;color:#0b0c0c}
.sign-out{margin:0}
.button-link{font:inherit;background:none;border:0;padding:0;color:#1d70b8;text-decoration:underline;cursor:pointer}
/* admin: import and reminders */
.file-upload{font:inherit;display:block;max-width:100%;padding:.25rem 0}
.file-upload:focus{outline:3px solid #fd0;box-shadow:0 0 0 5px #0b0c0c}
.file-upload-error{border:2px solid #d4351c;padding:.25rem}
.tag-error{background:#f4cdc6;color:#2a0b06}
.tag-warning{background:#fff7bf;color:#594d00}
.button-secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.button-secondary:visited,.button-secondary:hover{color:#0b0c0c;background:#dbdad9}
.counts-table{max-width:30rem;margin:0 0 1.5rem}
.counts-table td{font-variant-numeric:tabular-nums}
.problems-table td,.problems-table th{overflow-wrap:anywhere}
/* Breaking anywhere let the short Severity column squeeze its words ("Warni ng"). */
.problems-table tr>:first-child{white-space:nowrap}
.reminder-list{margin:0 0 1.5rem;padding-left:1.25rem}
.reminder-list li{margin-bottom:.5rem;overflow-wrap:anywhere}
.sign-out{max-width:100%;overflow-wrap:anywhere}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;background:#f3f2f1;padding:1rem;margin:0 0 1rem}
.filter{flex:0 1 auto;min-width:0}
.filter-wide{flex:1 1 100%}
.filter .select{min-width:8rem}
.filter .checkbox{margin-bottom:.25rem}
.filter-buttons .button{margin:0}
.table-wrap{overflow-x:auto;margin:0 0 1.5rem}
.table-wrap:focus{outline:3px solid #fd0;outline-offset:0}
.table{border-collapse:collapse;width:100%;min-width:48rem}
@media (max-width:40rem){.table{min-width:0}}
.table th,.table td{text-align:left;vertical-align:top;padding:.5rem .5rem .5rem 0;border-bottom:1px solid #b1b4b6}
.table thead th{border-bottom-width:2px}
.cell-text{min-width:14rem;overflow-wrap:anywhere}
.pagination{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0 0 1.5rem}
.tag-status-proposed-closure{background:#bbd4ea;color:#0c2d4a}
.tag-status-closed{background:#cce2d8;color:#005a30}
.tag-status-not-accepted,.tag-status-superseded{background:#e5e6e7;color:#383f43}
h1 .tag{font-size:1rem;vertical-align:middle;margin-left:.5rem}
.change-section{border-top:1px solid #b1b4b6;padding:.5rem 0}
.change-section>summary{cursor:pointer;color:#1d70b8;text-decoration:underline;font-weight:700;padding:.25rem 0}
.change-body{padding:1rem 0 0}
.history{list-style:none;margin:0 0 1.5rem;padding:0}
/* admin: sign-in, dashboard, people */
.inset-text{border-left:5px solid #b1b4b6;padding:.5rem 0 .5rem 1rem;margin:0 0 1.5rem}
.download-form{margin:0 0 1.5rem}
td .download-form{margin:0}
.table-caption{text-align:left;font-weight:700;font-size:1.1875rem;padding:0 0 .5rem}
.table-note{text-align:left;color:#505a5f;padding:0 0 .5rem}
.tag-role{background:#bbd4ea;color:#0c2d4a;margin-left:.5rem}
.break-anywhere{overflow-wrap:anywhere}
.plain-list{list-style:none;margin:0 0 1.5rem;padding:0}
.plain-list li+li{margin-top:.75rem}
.ref-list{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0 0 1.5rem;padding:0}
.admin-nav .sign-out{min-width:0;max-width:100%;overflow-wrap:anywhere}
`;
