<#assign subject = "Ni har valts för placeringen – referens ${reference}">
Hej ${providerName}!

Socialtjänsten har valt ${unitName} för placeringen i förfrågan med referens ${reference}<#if startDate?? && startDate?has_content>, med start ${startDate}</#if>.

Handläggaren ${caseworkerName} kontaktar er om avtal och inskrivning<#if caseworkerEmail?has_content> (${caseworkerEmail})</#if>.

${link}

Med vänliga hälsningar
Socialtjänsten
