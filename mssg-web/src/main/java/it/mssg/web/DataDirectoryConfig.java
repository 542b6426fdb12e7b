package it.mssg.web;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Makes every datasource wait for the data folder, so a fresh machine never fails on a missing db/ folder. */
@Configuration(proxyBeanMethods = false)
class DataDirectoryConfig {

    @Bean
    static BeanFactoryPostProcessor dataSourcesDependOnDataDirectory() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>();
                if (definition.getDependsOn() != null) {
                    dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
                }
                dependsOn.add(DataDirectory.BEAN_NAME);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }
}
