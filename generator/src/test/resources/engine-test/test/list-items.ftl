<#if items?is_hash><#list items as k, v>${k} </#list><#else><#list items as x>${x} </#list></#if>
