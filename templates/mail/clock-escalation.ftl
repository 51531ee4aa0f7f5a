<#assign subject = "Försenad tidsfrist: ${title} (senast ${due})">
Hej!

En tidsfrist i ett placeringsärende har passerats utan att uppgiften är gjord:

${title}
Tidsfrist: ${clock}<#if source?has_content> (${source})</#if>
Skulle vara gjord senast: ${due}
Ansvarig handläggare: ${responsible}

Öppna ärendet:
${link}

Uppgiften finns under Mina arbetsuppgifter för placeringsansvariga.

Med vänliga hälsningar
Placera
