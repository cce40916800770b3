// Inlined into <head> before the stylesheet (Trunk rel="inline"); its sha256 is in every CSP.
try{const s=localStorage,e=document.documentElement,t=s.getItem('theme'),f=s.getItem('font-size');if(t==='dark'||t==='light')e.dataset.theme=t;if(/^-?[0-9]$/.test(f??''))e.dataset.fontSize=f;if(s.getItem('elder')==='on')e.dataset.elder='on'}catch{}
