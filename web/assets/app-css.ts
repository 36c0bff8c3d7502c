/**
 * The whole stylesheet, served from /assets/app.css (the CSP allows no inline styles). System fonts:
 * the GOV.UK font and crown are reserved for GOV.UK. Colours meet WCAG 2.2 AA contrast.
 */
export const appCss = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#0b0c0c;background:#fff}
body{margin:0}
.width-container{max-width:60rem;margin:0 auto;padding:0 1rem}
main{padding-top:1.5rem;padding-bottom:3rem}
.skip-link{position:absolute;left:-9999px}
.skip-link:focus{position:static;display:block;padding:.5rem 1rem;background:#fd0;color:#0b0c0c}
.site-header{background:#0b0c0c;color:#fff;padding:.75rem 0}
.site-name{font-weight:700;font-size:1.125rem}
.force-name{color:#fff;margin-left:.5rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1.5rem}
h2{font-size:1.5rem;margin:2rem 0 1rem}
a{color:#1d70b8}
a:visited{color:#4c2c92}
a:focus,button:focus,input:focus,textarea:focus,select:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.5rem .5rem .5rem 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
.tag{display:inline-block;padding:0 .4rem;font-weight:700;font-size:.875rem}
.tag-stale{background:#fcd6c3;color:#6e3619}
.tag-overdue{background:#f4cdc6;color:#2a0b06}
@media (max-width:40rem){h1{font-size:1.5rem}table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}td{border:0;padding:.25rem 0}tr{border-bottom:1px solid #b1b4b6;padding:.5rem 0}}
`;
