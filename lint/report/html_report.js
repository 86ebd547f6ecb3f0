// sglint --format html: filters by level and pack, inlined into every report.
// A link can carry a filter: report.html#hide=warning,Numbers
(function(){
  var boxes=[].slice.call(document.querySelectorAll('#filters input'));
  var hide=(decodeURIComponent(location.hash).match(/hide=([^&]*)/)||[,''])[1].split(',');
  boxes.forEach(function(b){if(hide.indexOf(b.value)>=0)b.checked=false;
    b.addEventListener('change',apply);});
  function shown(el){
    return boxes.every(function(b){return b.checked||
      (el.dataset.level!==b.value&&el.dataset.pack!==b.value);});
  }
  function apply(){
    var on={},count=0,total=0;
    document.querySelectorAll('li.finding').forEach(function(li){
      var ok=shown(li);li.hidden=!ok;total++;if(ok){on[li.dataset.n]=true;count++;}
    });
    document.querySelectorAll('mark').forEach(function(m){
      var ids=m.dataset.ids.split(' ').filter(function(n){return on[n];});
      m.className=ids.length?'on '+m.dataset['level'+ids[0]]:'';
    });
    document.getElementById('shown').textContent=count+' of '+total+' findings shown';
  }
  apply();
})();
