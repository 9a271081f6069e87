namespace Parley.Api;

/// <summary>The analyst's page: an event table with filters and the evidence of each event.</summary>
internal static class WebPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Parley</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
        table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
        mark{background:#ffe08a}.coop{color:#176b2c}.conf{color:#a11}
        #detail{margin-top:1rem;padding:1rem;background:#f6f6f6}
        </style></head>
        <body>
        <h1>Parley events</h1>
        <form id="f">Actor <input name="actor"> Dyad <input name="dyad" placeholder="KOR-USA" size="8">
        From <input name="from" type="date"> To <input name="to" type="date"> CAMEO <input name="cameo" size="4">
        <button>Filter</button></form>
        <table><thead><tr><th>Date</th><th>Source</th><th>Event</th><th>Target</th><th>Goldstein</th><th>Mentions</th></tr></thead><tbody id="rows"></tbody></table>
        <div id="detail" hidden></div>
        <script>
        const esc=s=>(s??'').replace(/[&<>"]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
        async function load(){const p=new URLSearchParams(location.search);for(const el of document.getElementById('f').elements)if(el.name)el.value=p.get(el.name)??'';
        const r=await fetch('/api/events?'+p);const j=await r.json();const rows=document.getElementById('rows');rows.innerHTML='';
        for(const e of j.events??[]){const tr=document.createElement('tr');tr.innerHTML=`<td>${e.date??''}</td><td>${esc(e.source.name)} <small>${e.source.code}</small></td><td class="${e.goldstein>=0?'coop':'conf'}">${e.cameo} ${esc(e.cameo_name)}<br><small>${e.plover} ${e.plover_mode}</small></td><td>${esc(e.target.name)} <small>${e.target.code}</small></td><td>${e.goldstein}</td><td>${e.num_mentions}</td>`;tr.onclick=()=>show(e);rows.appendChild(tr);}}
        function show(e){const d=document.getElementById('detail');d.hidden=false;d.innerHTML=`<h2>${esc(e.source.name)} → ${esc(e.target.name)}: ${esc(e.cameo_name)} (${e.date}, ${e.date_basis})</h2>`+e.mentions.map(m=>`<p><b>${esc(m.outlet)}</b> ${esc(m.headline)}<br>${esc(m.sentence.slice(0,m.start))}<mark>${esc(m.sentence.slice(m.start,m.end))}</mark>${esc(m.sentence.slice(m.end))}</p>`).join('');}
        document.getElementById('f').onsubmit=ev=>{ev.preventDefault();const p=new URLSearchParams();for(const el of ev.target.elements)if(el.name&&el.value)p.set(el.name,el.value);history.pushState(null,'','?'+p);load();};
        load();
        </script></body></html>
        """;
}
