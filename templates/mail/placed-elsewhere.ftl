<#assign subject = "Placeringen gick till annan utförare denna gång">
Hej ${providerName}!

Tack för ert svar på förfrågan med referens ${reference} till ${unitName}.

Placeringen gick till en annan utförare denna gång. Förfrågan är avslutad och inga fler svar tas emot.
Vi hoppas få återkomma vid ett annat tillfälle.

Med vänliga hälsningar
Socialtjänsten
