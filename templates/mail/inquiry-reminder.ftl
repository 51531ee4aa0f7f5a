<#assign subject = "Påminnelse: förfrågan om placering – svara senast ${deadline}">
Hej ${providerName}!

Vi har ännu inte fått något svar från ${unitName} på förfrågan med referens ${reference}.
Sista svarsdag är ${deadline}. Svara gärna även om ni inte kan ta emot placeringen.

Svara här:
${link}

Har du frågor? Kontakta handläggaren ${caseworkerName}<#if caseworkerEmail?has_content>, ${caseworkerEmail}</#if>.

Med vänliga hälsningar
Socialtjänsten
