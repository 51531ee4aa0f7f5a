<#assign subject = "Förfrågan om placering – svara senast ${deadline}">
Hej ${providerName}!

Socialtjänsten undrar om ${unitName} kan ta emot en placering.

Målgrupp: ${targetGroup}
Placeringsform: ${placementForm}
Svara senast: ${deadline}
Referens: ${reference}

Läs förfrågan och svara här:
${link}

Förfrågan innehåller inga uppgifter som identifierar den enskilde. Svara inte på det här mejlet med
personuppgifter.

Har du frågor? Kontakta handläggaren ${caseworkerName}<#if caseworkerEmail?has_content>, ${caseworkerEmail}</#if>.

Med vänliga hälsningar
Socialtjänsten
