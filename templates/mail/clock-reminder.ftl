<#assign subject = "Påminnelse: ${title} – senast ${due}">
Hej!

En tidsfrist i ett placeringsärende du handlägger närmar sig:

${title}
Tidsfrist: ${clock}<#if source?has_content> (${source})</#if>
Senast: ${due}

Öppna ärendet:
${link}

Uppgiften finns också under Mina arbetsuppgifter.

Med vänliga hälsningar
Placera
